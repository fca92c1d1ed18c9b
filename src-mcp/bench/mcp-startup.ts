/**
 * Time from spawning the built MCP server to its answer to `initialize`, as a client sees it.
 * The bound: 300 ms even with 10,000 runbooks (the index builds in the background).
 */
import { spawn } from 'node:child_process';
import { median, round } from './stats.js';

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'runbook-bench', version: '1' },
  },
};

export const INITIALIZE_TARGET_MS = 300;

function timeInitialize(serverEntry: string, dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [serverEntry, '--dir', dir, '--logs', dir], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let output = '';
    const timer = setTimeout(
      () => finish(new Error('no answer to initialize within 10 s')),
      10_000,
    );
    const finish = (error?: Error, ms?: number): void => {
      clearTimeout(timer);
      child.kill();
      if (error) reject(error);
      else resolve(ms!);
    };
    child.on('error', (error) => finish(error));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('"id":1')) finish(undefined, performance.now() - started);
    });
    child.stdin.write(`${JSON.stringify(INITIALIZE)}\n`);
  });
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
