/** Measurements through the real Engine, as every face uses it. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { isRunbookError } from '../engine/errors.js';
import type { RunbookSummary } from '../engine/types.js';
import { BENCH_QUERIES } from './queries.js';
import { median, percentile, round, timeMs } from './stats.js';

const UPDATES = 20;
const QUERY_ROUNDS = 5;
const RENDERS = 20;

/** The runbook of median size: what "a typical runbook" means here. */
async function typicalRunbook(engine: Engine): Promise<RunbookSummary> {
  const bySize = (await engine.list()).sort(
    (a, b) => a.size - b.size || a.name.localeCompare(b.name),
  );
  const typical = bySize[Math.floor(bySize.length / 2)];
  if (!typical) throw new Error('the folder holds no runbooks');
  return typical;
}

/**
 * Edits one file on disk and times `applyChanges` for it (what the watcher calls): read, parse,
 * re-index. The last edit's word must then be found, else the numbers mean nothing.
 */
export async function measureUpdates(
  engine: Engine,
  dir: string,
): Promise<Record<string, unknown>> {
  const target = await typicalRunbook(engine);
  const file = path.join(dir, target.path);
  const original = await readFile(file, 'utf8');
  const samples: number[] = [];
  try {
    for (let i = 0; i < UPDATES; i++) {
      await writeFile(file, `${original}\n\nBench edit zqbench${i}x.\n`);
      samples.push(await timeMs(() => engine.applyChanges([target.path])));
    }
    const found = (await engine.search(`zqbench${UPDATES - 1}x`, 1))[0]?.name === target.name;
    return {
      runbook: target.path,
      median_ms: round(median(samples)),
      max_ms: round(Math.max(...samples)),
      runs: UPDATES,
      verified: found,
    };
  } finally {
    await writeFile(file, original);
    await engine.applyChanges([target.path]);
  }
}

/** Each query's median over a few rounds; p50/p95 across the queries. */
export async function measureQueries(engine: Engine): Promise<Record<string, unknown>> {
  const perQuery: Record<string, number[]> = {};
  for (let round = 0; round <= QUERY_ROUNDS; round++) {
    for (const query of BENCH_QUERIES) {
      const ms = await timeMs(() => engine.search(query, 10));
      // Round 0 warms the JIT up, as a long-running server would be.
      if (round > 0) (perQuery[query] ??= []).push(ms);
    }
  }
  const medians = Object.values(perQuery).map(median);
  const top = Object.fromEntries(
    await Promise.all(
      BENCH_QUERIES.map(async (q) => [q, (await engine.search(q, 1))[0]?.name ?? null]),
    ),
  );
  return {
    queries: BENCH_QUERIES.length,
    p50_ms: round(percentile(medians, 50), 3),
    p95_ms: round(percentile(medians, 95), 3),
    max_ms: round(Math.max(...medians), 3),
    top_hit: top,
  };
}

export async function measureRender(engine: Engine): Promise<Record<string, unknown>> {
  const target = await typicalRunbook(engine);
  const samples: number[] = [];
  try {
    for (let i = 0; i < RENDERS; i++) samples.push(await timeMs(() => engine.render(target.name)));
  } catch (error) {
    return { runbook: target.path, error: isRunbookError(error) ? error.code : String(error) };
  }
  return {
    runbook: target.path,
    bytes: target.size,
    median_ms: round(median(samples), 3),
    runs: RENDERS,
  };
}
