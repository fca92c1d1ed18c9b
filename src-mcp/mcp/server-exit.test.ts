/**
 * A stdio server lives as long as its client's session: when the client closes stdin, the process
 * ends by itself, with code 0, whatever its folder watcher was doing. (Its watcher, started once
 * the first scan settled, could outlive a close that came while it checked the folder, and keep
 * the process up until the client killed it; chokidar's own timers held it up to a second more.)
 */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy } from './test-build.js';
import { makeFixture, type Fixture } from './test-harness.js';
import { WATCHING } from './runbook-server.js';
import { waitFor } from '../test-support/wait-for.js';

let entry: string;
let fx: Fixture;

beforeAll(async () => {
  entry = await builtServerCopy();
});
afterAll(() => removeServerCopy(entry));
afterEach(() => fx.cleanup());

type Ended = { code: number | null; signal: NodeJS.Signals | null };

/** Starts the server, asks it one question, then closes stdin once `when` says so. */
async function sessionThatEnds(when: 'answered' | 'watching'): Promise<Ended> {
  const child = spawn(process.execPath, [entry, '--dir', fx.dir, '--logs', fx.logs], {
    env: { PATH: process.env.PATH ?? '', RUNBOOK_COMPANION_DATA: fx.data },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ended = new Promise<Ended>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
  send({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 't', version: '1' },
    },
  });
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  send({
    jsonrpc: '2.0',
    id: 2,
    method: 'tools/call',
    params: { name: 'search_runbooks', arguments: { query: 'redis' } },
  });
  await waitFor(() => stdout.includes('"id":2'), { what: 'the answer to the search' });
  if (when === 'watching') await waitFor(() => stderr.includes(WATCHING), { what: 'the watcher' });
  child.stdin.end();
  try {
    // The client would kill it after a while; the server must not need that.
    return await Promise.race([
      ended,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error('the server was still running 8 s after stdin closed')),
          8000,
        ),
      ),
    ]);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('the MCP server at the end of a session', () => {
  it.each([
    ['right after its first answer', 'answered'],
    ['once it watches its folder', 'watching'],
  ] as const)(
    'exits by itself when the client closes stdin %s',
    async (_when, when) => {
      fx = await makeFixture();
      expect(await sessionThatEnds(when)).toEqual({ code: 0, signal: null });
    },
    20_000,
  );
});
