/**
 * Time from spawning the built MCP server to its answer to `initialize`, as a client sees it.
 * The bound: 300 ms even with 10,000 runbooks (the index builds in the background).
 */
import { spawn } from 'node:child_process';
import { INITIALIZE_PARAMS, RpcProcess } from './rpc-process.js';
import { median, round } from './stats.js';

const INITIALIZE_TARGET_MS = 300;

async function timeInitialize(serverEntry: string, dir: string): Promise<number> {
  const started = performance.now();
  const server = new RpcProcess(serverEntry, ['--dir', dir, '--logs', `${dir}/.bench-logs`]);
  try {
    await server.call('initialize', INITIALIZE_PARAMS);
    return performance.now() - started;
  } finally {
    await server.close();
  }
}

export async function measureMcpStartup(
  serverEntry: string,
  dir: string,
  runs = 5,
): Promise<Record<string, unknown>> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(round(await timeInitialize(serverEntry, dir)));
  return {
    median_ms: round(median(times)),
    runs: times,
    target_ms: INITIALIZE_TARGET_MS,
    met: median(times) <= INITIALIZE_TARGET_MS,
  };
}

/** A bare `node -e 0` in the same run: the floor any Node server starts from. */
export async function measureNodeFloor(runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    times.push(performance.now() - started);
  }
  return round(median(times));
}
