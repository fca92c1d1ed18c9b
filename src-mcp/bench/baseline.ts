/**
 * The earlier tool's index (Whoosh, full rebuild), run by `seed_whoosh.py` on the same folder in
 * the same run, when Debian's python3-whoosh is there.
 */
import { spawnSync } from 'node:child_process';
import { percentile, round } from './stats.js';

const PYTHON = '/usr/bin/python3';
const TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Our queries minus the camelCase alert name: Whoosh 2.7 answers "etcdNoLeader" in 3 ms on the
 * 727 runbooks but had not answered after 90 s on the 10k copy (its word-part splitting).
 */
export function baselineQueries(queries: readonly string[]): string[] {
  return queries.filter((query) => !/[a-z][A-Z]/.test(query));
}

/** Why the baseline cannot run here, or undefined when it can. */
export function baselineUnavailable(script: string | undefined): string | undefined {
  if (!script)
    return 'skipped: seed_whoosh.py not found (set RUNBOOK_BENCH_SCRIPT, or put shared/bench beside the repository)';
  const probe = spawnSync(PYTHON, ['-c', 'import whoosh'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'skipped: python3-whoosh not installed';
}

interface WhooshOutput {
  docs: number;
  build_s: number;
  query_ms: Record<string, number>;
  top: Record<string, string[]>;
}

export function runBaseline(
  script: string,
  dir: string,
  queries: readonly string[],
): Record<string, unknown> {
  const run = spawnSync(PYTHON, [script, dir, ...queries], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: TIMEOUT_MS,
  });
  if (run.status !== 0) {
    const how = run.signal
      ? `was stopped (${run.signal}, limit ${TIMEOUT_MS / 60000} min)`
      : `exited ${run.status}`;
    return { error: `seed_whoosh.py ${how}: ${run.stderr.trim().slice(-300)}` };
  }
  const result = JSON.parse(run.stdout) as WhooshOutput;
  const queryMs = Object.values(result.query_ms);
  return {
    docs: result.docs,
    build_s: result.build_s,
    queries: queries.length,
    // Whoosh's default parser ANDs the words: how many of our queries found nothing at all.
    queries_without_hits: Object.values(result.top).filter((top) => top.length === 0).length,
    // seed_whoosh reports each query's best of 5 runs (ours: median of 5, so this flatters Whoosh).
    query_best_of_5_p50_ms: round(percentile(queryMs, 50), 3),
    query_best_of_5_p95_ms: round(percentile(queryMs, 95), 3),
  };
}
