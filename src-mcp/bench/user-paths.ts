/**
 * What users wait for, measured as whole processes: the floor (a fresh `node` that walks the
 * folder and reads every runbook file), `runbook search`, and the MCP server as Claude Desktop
 * starts it (watcher on) from spawn to its first `search_runbooks` answer, with the sizes of its
 * prompt and resource lists and its peak memory.
 *
 * Each run of a path is paired with a floor run just before it, and its ratio is the median of
 * the pairs' ratios: a shared machine's speed drifts over the minutes a bench takes, and a floor
 * measured once, first, made the later paths' ratios drift with it.
 */
import { spawn } from 'node:child_process';
import { benchEnv, INITIALIZE_PARAMS, RpcProcess } from './rpc-process.js';
import { median, round } from './stats.js';

const RUNS = 9;

/** The floor: no index, no parsing; walk and read, as any tool over the folder must at least. */
const FLOOR_SCRIPT = `
const fs = require('node:fs'); const path = require('node:path');
let files = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\\.(md|markdown|txt)$/i.test(e.name)) { fs.readFileSync(p); files++; }
  }
};
walk(process.argv[1]);
process.stdout.write(String(files));
`;

function runToExit(args: string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: benchEnv,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, stdout, code }));
  });
}

async function timeToExit(args: string[]): Promise<number> {
  const run = await runToExit(args);
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited with ${run.code}`);
  return round(run.ms);
}

/** One floor run, in milliseconds. */
function floorRun(dir: string): Promise<number> {
  return timeToExit(['-e', FLOOR_SCRIPT, dir]);
}

/** A path's runs, the floor runs paired with them, and the median of the pairs' ratios. */
export interface PairedTimes {
  median_ms: number;
  runs: number[];
  floor_runs: number[];
  ratio_to_floor: number;
}

/**
 * Runs the floor, then `run`, in turn, `runs` times, after one unmeasured run of each: every
 * figure is with a warm page cache, as the issue measures.
 */
async function pairedWithFloor(
  dir: string,
  run: () => Promise<number>,
  runs = RUNS,
): Promise<PairedTimes> {
  await floorRun(dir);
  await run();
  const floors: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(await floorRun(dir));
    times.push(round(await run()));
  }
  return pairedTimes(times, floors);
}

function pairedTimes(times: number[], floors: number[]): PairedTimes {
  const ratios = times.map((ms, i) => ms / (floors[i] ?? Number.NaN));
  return {
    median_ms: round(median(times)),
    runs: times,
    floor_runs: floors,
    ratio_to_floor: round(median(ratios), 2),
  };
}

export function measureCliSearch(
  cliEntry: string,
  dir: string,
  query: string,
): Promise<PairedTimes> {
  return pairedWithFloor(dir, () =>
    timeToExit([cliEntry, 'search', query, '--dir', dir, '--limit', '10']),
  );
}

interface McpSession {
  firstSearchMs: number;
  lists: Record<string, ListMeasure>;
  peakRssMb: number | null;
}

interface ListMeasure {
  pages: number;
  items: number;
  distinct: number;
  largest_page_bytes: number;
  first_page_ms: number;
}

async function pageThrough(
  server: RpcProcess,
  method: 'prompts/list' | 'resources/list',
  key: 'prompts' | 'resources',
): Promise<ListMeasure> {
  const names: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let largest = 0;
  let firstMs = 0;
  do {
    const started = performance.now();
    const { line, result } = await server.call(method, cursor ? { cursor } : {});
    if (pages === 0) firstMs = performance.now() - started;
    pages++;
    largest = Math.max(largest, Buffer.byteLength(line));
    const page = result as Record<string, unknown> & { nextCursor?: string };
    for (const item of (page[key] as { name?: string; uri?: string }[]) ?? [])
      names.push(item.uri ?? item.name ?? '');
    cursor = page.nextCursor;
  } while (cursor && pages < 10_000);
  return {
    pages,
    items: names.length,
    distinct: new Set(names).size,
    largest_page_bytes: largest,
    first_page_ms: round(firstMs),
  };
}

async function mcpSession(entry: string, dir: string, query: string): Promise<McpSession> {
  const started = performance.now();
  const server = new RpcProcess(entry, ['--dir', dir, '--logs', `${dir}/.bench-logs`]);
  try {
    await server.call('initialize', INITIALIZE_PARAMS);
    server.notify('notifications/initialized');
    await server.call('tools/call', { name: 'search_runbooks', arguments: { query } });
    const firstSearchMs = performance.now() - started;
    const lists = {
      'prompts/list': await pageThrough(server, 'prompts/list', 'prompts'),
      'resources/list': await pageThrough(server, 'resources/list', 'resources'),
    };
    return { firstSearchMs, lists, peakRssMb: server.peakRssMb() };
  } finally {
    await server.close();
  }
}

/** Spawn → first `search_runbooks` answer, watcher on, as Claude Desktop starts the server. */
export async function measureMcpFirstSearch(
  entry: string,
  dir: string,
  query: string,
): Promise<Record<string, unknown>> {
  const sessions: McpSession[] = [];
  const times = await pairedWithFloor(dir, async () => {
    const session = await mcpSession(entry, dir, query);
    sessions.push(session);
    return session.firstSearchMs;
  });
  // The first session was the unmeasured warm-up.
  const peaks = sessions.slice(1).map((s) => s.peakRssMb ?? Number.NaN);
  return {
    first_search: times,
    peak_rss_mb: round(median(peaks), 1),
    lists: sessions[1]?.lists,
  };
}
