/**
 * `npm run bench`: cold build, one-file update, query and render latency and peak memory on the
 * public corpora and a 10,000-runbook copy, against the earlier tool's Whoosh index in the same
 * run. Prints JSON on stdout, progress on stderr.
 *
 *   node dist/bench.js [--only gitlab,openshift,both,10k] [--corpora DIR] [--no-baseline] [--minisearch]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baselineQueries, baselineUnavailable, runBaseline } from './baseline.js';
import { describeFolder, findCorporaRoot, prepareCorpora, type BenchCorpus } from './corpora.js';
import { measureMcpStartup, measureNodeFloor } from './mcp-startup.js';
import { measureUi } from './ui.js';
import { useDataFolder } from './rpc-process.js';
import { measureCliSearch, measureMcpFirstSearch, type PairedTimes } from './user-paths.js';
import { BENCH_QUERIES } from './queries.js';
import { whooshSeedScript } from '../test-support/shared-folder.js';
import { median, round } from './stats.js';

const COLD_RUNS = 3;
/** The targets, on a 2-core machine, at 10k runbooks. */
const TARGETS = {
  cold_build_ms: 1000,
  update_ms: 5,
  query_p95_ms: 2,
  peak_rss_mb: 300,
  mcp_initialize_ms: 300,
};

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

function findRepoRoot(): string {
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"runbook-companion"'))
      return dir;
  }
  return process.cwd();
}

type WorkerResult = Record<string, unknown>;

function runWorker(mode: string, dir: string): WorkerResult {
  const run = spawnSync(process.execPath, [path.join(here, 'bench-worker.js'), mode, dir], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line)
    throw new Error(`bench-worker ${mode} failed: ${run.stderr.trim().slice(-500)}`);
  return JSON.parse(line) as WorkerResult;
}

function numberAt(result: WorkerResult, ...keys: string[]): number {
  let value: unknown = result;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' ? value : Number.NaN;
}

async function benchCorpus(
  corpus: BenchCorpus,
  options: { baseline?: string; minisearch: boolean },
): Promise<WorkerResult> {
  const size = await describeFolder(corpus.dir);
  log(`${corpus.id}: ${size.files} files, ${round(size.bytes / 1e6, 1)} MB`);
  const full = runWorker('full', corpus.dir);
  const colds = [
    full,
    ...Array.from({ length: COLD_RUNS - 1 }, () => runWorker('cold', corpus.dir)),
  ];
  const coldMs = colds.map((r) => numberAt(r, 'cold_build_ms'));
  const result: WorkerResult = {
    corpus: corpus.id,
    files: size.files,
    megabytes: round(size.bytes / 1e6, 1),
    cold_build_ms: {
      median: round(median(coldMs)),
      runs: coldMs,
      ready_ms_median: round(median(colds.map((r) => numberAt(r, 'ready_ms')))),
    },
    update: full['update'],
    query: full['query'],
    render: full['render'],
    peak_rss_mb: Math.max(...colds.map((r) => numberAt(r, 'peak_rss_mb'))),
    index_only: runWorker('index-only', corpus.dir),
  };
  if (options.minisearch) result['minisearch'] = runWorker('minisearch', corpus.dir);
  await inTempDataFolder(async (dataDir) => {
    result['mcp_initialize'] = {
      ...(await measureMcpStartup(path.join(here, 'mcp.js'), corpus.dir)),
      node_e_0_floor_ms: await measureNodeFloor(),
    };
    result['user_paths'] = await measureUserPaths(corpus.dir, dataDir);
  });
  result['targets_met'] = {
    cold_build: median(coldMs) <= TARGETS.cold_build_ms,
    update: numberAt(full, 'update', 'median_ms') <= TARGETS.update_ms,
    query_p95: numberAt(full, 'query', 'p95_ms') <= TARGETS.query_p95_ms,
    peak_rss: numberAt(result, 'peak_rss_mb') <= TARGETS.peak_rss_mb,
    mcp_initialize: numberAt(result, 'mcp_initialize', 'median_ms') <= TARGETS.mcp_initialize_ms,
  };
  return result;
}

/** The spawned servers and CLIs get a fresh data folder: never the user's settings or caches. */
async function inTempDataFolder(measure: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runbook-bench-data-'));
  useDataFolder(dataDir);
  try {
    await measure(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The paths users wait on, whole process. `runbook search` and the MCP server are each a ratio to
 * floor runs taken in turn with theirs; the UI, to all those floor runs together: a floor run
 * beside the browser would be slowed by the browser's own work, which continues after each visit.
 */
async function measureUserPaths(dir: string, dataDir: string): Promise<WorkerResult> {
  const query = BENCH_QUERIES[0] ?? 'alert';
  const cli = await measureCliSearch(path.join(here, 'cli.js'), dir, query);
  const mcp = await measureMcpFirstSearch(path.join(here, 'mcp.js'), dir, query);
  const first = mcp['first_search'] as PairedTimes;
  const floors = [...cli.floor_runs, ...first.floor_runs];
  const floor = round(median(floors));
  const ui = await measureUi(path.join(here, 'cli.js'), dir, query);
  const usable = numberAt(ui, 'usable_ms', 'median_ms');
  return {
    floor_walk_and_read: { median_ms: floor, runs: floors },
    cli_search: { ...cli, goal_ratio: 1.5 },
    mcp_spawn_to_first_search: { ...first, goal_ratio: 2 },
    mcp_peak_rss_mb: mcp['peak_rss_mb'],
    mcp_lists: mcp['lists'],
    index_cache_mb: await folderMegabytes(path.join(dataDir, 'index-cache')),
    ui: Number.isNaN(usable)
      ? ui
      : {
          ...ui,
          usable_ratio_to_floor: round(usable / floor, 2),
          goal_ratio: 4,
          goal_elements: 5000,
        },
  };
}

async function folderMegabytes(dir: string): Promise<number> {
  const files = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    files.filter((f) => f.isFile()).map(async (f) => (await stat(path.join(dir, f.name))).size),
  );
  return round(sizes.reduce((a, b) => a + b, 0) / 1e6, 1);
}

function withBaseline(
  result: WorkerResult,
  corpus: BenchCorpus,
  script: string | undefined,
  skipped: string | undefined,
): WorkerResult {
  if (skipped || !script) return { ...result, baseline: skipped ?? 'skipped' };
  log(`${corpus.id}: Whoosh baseline`);
  const baseline = runBaseline(script, corpus.dir, baselineQueries(BENCH_QUERIES));
  const oursSeconds = numberAt(result, 'cold_build_ms', 'median') / 1000;
  const ratio =
    typeof baseline['build_s'] === 'number' ? round(baseline['build_s'] / oursSeconds, 1) : null;
  return { ...result, baseline: { ...baseline, build_ratio_baseline_over_ours: ratio } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      corpora: { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      minisearch: { type: 'boolean', default: false },
    },
  });
  const repoRoot = findRepoRoot();
  const corporaRoot = findCorporaRoot(repoRoot, values.corpora);
  if (!corporaRoot)
    throw new Error(
      'corpora not found: pass --corpora DIR (holding gitlab-runbooks/ and openshift-runbooks/)',
    );
  const wanted = new Set((values.only ?? 'gitlab,openshift,both,10k').split(',')) as Set<
    BenchCorpus['id']
  >;
  const script = whooshSeedScript(repoRoot);
  const skipped = values['no-baseline'] ? 'skipped: --no-baseline' : baselineUnavailable(script);
  const prepared = await prepareCorpora(corporaRoot, wanted);
  try {
    const results: WorkerResult[] = [];
    for (const corpus of prepared.corpora) {
      const result = await benchCorpus(corpus, { minisearch: values.minisearch });
      results.push(withBaseline(result, corpus, script, skipped));
    }
    const machine = {
      node: process.version,
      cpus: os.cpus().length,
      platform: `${os.platform()} ${os.arch()}`,
      loadavg: os.loadavg().map((l) => round(l)),
    };
    process.stdout.write(
      `${JSON.stringify({ machine, targets: TARGETS, corpora: results }, null, 2)}\n`,
    );
  } finally {
    await prepared.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
