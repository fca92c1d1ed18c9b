/**
 * Talking to a spawned server as a client does: line-delimited JSON-RPC over its stdio, in the
 * bench's own environment (a temp data folder, so no measured process touches the user's).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { round } from './stats.js';

/**
 * The app's data (settings, index cache) for the measured processes: a temp folder, so the bench
 * never reads or writes the user's own. Set once by main before any measure.
 */
export const benchEnv: NodeJS.ProcessEnv = { ...process.env };

export function useDataFolder(dataDir: string): void {
  benchEnv.RUNBOOK_COMPANION_DATA = dataDir;
  delete benchEnv.RUNBOOK_COMPANION_CACHE;
}

export const INITIALIZE_PARAMS = {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'runbook-bench', version: '1' },
};

/** A line-delimited JSON-RPC client over a spawned server's stdio, just enough to time calls. */
export class RpcProcess {
  private buffer = '';
  private nextId = 1;
  private readonly waiting = new Map<number, (line: string) => void>();
  readonly child;

  constructor(entry: string, args: string[]) {
    this.child = spawn(process.execPath, [entry, ...args], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: benchEnv,
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.take(chunk.toString('utf8')));
  }

  call(method: string, params: unknown): Promise<{ line: string; result: unknown }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in 120 s`)), 120_000);
      this.waiting.set(id, (line) => {
        clearTimeout(timer);
        const message = JSON.parse(line) as { result?: unknown; error?: unknown };
        if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
        else resolve({ line, result: message.result });
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string): void {
    this.send({ jsonrpc: '2.0', method });
  }

  /** Peak resident memory so far (Linux only: VmHWM). */
  peakRssMb(): number | null {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
      return kb ? round(Number(kb) / 1024, 1) : null;
    } catch {
      return null;
    }
  }

  /**
   * Ends the session as a client does (stdin closed) and waits for the process to be gone, so the
   * next measure does not share the machine with its exit; killed if it is still there after 5 s.
   */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }

  private send(message: unknown): void {
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  private take(text: string): void {
    this.buffer += text;
    let newline;
    while ((newline = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      const { id } = JSON.parse(line) as { id?: unknown };
      const resolve = typeof id === 'number' ? this.waiting.get(id) : undefined;
      if (resolve) {
        this.waiting.delete(id as number);
        resolve(line);
      }
    }
  }
}
