/**
 * One benchmark measurement in a fresh process, so each cold build starts cold (no JIT, no heap)
 * and the peak RSS belongs to one corpus. Usage: bench-worker.js MODE DIR; prints one JSON line.
 *   cold        Engine.open + ready + first search
 *   full        cold, then one-file updates, queries and renders through the same Engine
 *   index-only  the search index alone, fed by a plain walker (where the time goes)
 *   minisearch  the same documents into MiniSearch (the alternative we measured against)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../engine/engine.js';
import { measureIndexOnly, measureMiniSearch } from './index-only.js';
import { BENCH_QUERIES } from './queries.js';
import { measureQueries, measureRender, measureUpdates } from './engine-measures.js';
import { peakRssMb, round } from './stats.js';

const [mode, dir] = process.argv.slice(2);

async function coldEngine(
  root: string,
  logsDir: string,
): Promise<{ engine: Engine; readyMs: number; coldMs: number }> {
  const start = performance.now();
  const engine = Engine.open({ dir: root, logsDir });
  await engine.ready();
  const readyMs = performance.now() - start;
  // The index merges what it took in at its first read: that belongs to the cold build.
  await engine.search(BENCH_QUERIES[0]);
  return { engine, readyMs, coldMs: performance.now() - start };
}

async function main(): Promise<Record<string, unknown>> {
  if (!dir) throw new Error('usage: bench-worker.js cold|full|index-only|minisearch DIR');
  if (mode === 'index-only') return { ...(await measureIndexOnly(dir)), peak_rss_mb: peakRssMb() };
  if (mode === 'minisearch') return { ...(await measureMiniSearch(dir)), peak_rss_mb: peakRssMb() };
  const logsDir = await mkdtemp(path.join(os.tmpdir(), 'runbook-bench-logs-'));
  try {
    const { engine, readyMs, coldMs } = await coldEngine(dir, logsDir);
    const cold = {
      ready_ms: round(readyMs),
      cold_build_ms: round(coldMs),
      files: (await engine.list()).length,
    };
    if (mode === 'cold') return { ...cold, peak_rss_mb: peakRssMb() };
    return {
      ...cold,
      update: await measureUpdates(engine, dir),
      query: await measureQueries(engine),
      render: await measureRender(engine),
      peak_rss_mb: peakRssMb(),
    };
  } finally {
    await rm(logsDir, { recursive: true, force: true });
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
