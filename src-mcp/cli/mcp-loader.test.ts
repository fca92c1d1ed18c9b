/**
 * dist/mcp.js runs the server program from a V8 code cache in the cache folder. The cache may only
 * ever cost speed: missing, corrupt, unwritable or left by other builds, the server answers the same.
 */
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy } from '../mcp/test-build.js';
import { waitFor } from '../test-support/wait-for.js';
import {
  callTool,
  makeFixture,
  startServer,
  textOf,
  type Fixture,
  type ServerHandle,
} from '../mcp/test-harness.js';

let entry: string;
let fx: Fixture;
let srv: ServerHandle | undefined;

beforeAll(async () => {
  entry = await builtServerCopy();
});
afterAll(() => removeServerCopy(entry));
afterEach(async () => {
  await srv?.close();
  srv = undefined;
  await fx.cleanup();
});

const codeDir = (): string => path.join(fx.data, 'index-cache', 'code');

async function caches(): Promise<string[]> {
  const names = await readdir(codeDir()).catch(() => []);
  return names.filter((n) => n.endsWith('.v8'));
}

/** The cache's name for this build of the program and this Node (see mcp-loader.ts). */
async function cacheName(): Promise<string> {
  const program = await readFile(path.join(path.dirname(entry), 'mcp-server.cjs'));
  const id = createHash('sha256').update(program).digest('hex').slice(0, 16);
  return `mcp-server-${id}-${process.version}-${process.arch}.v8`;
}

/** The loader saves the cache 1.5 s after the start or at exit: wait for the file itself. */
async function waitForCache(changedFrom?: Buffer): Promise<string> {
  const file = path.join(codeDir(), await cacheName());
  await waitFor(
    async () => {
      const bytes = await readFile(file).catch(() => undefined);
      return bytes !== undefined && !(changedFrom && bytes.equals(changedFrom));
    },
    { what: `a code cache at ${file}`, timeout: 20_000 },
  );
  return file;
}

/** Closes the client, then waits for the server's process to be gone (its exit handlers run). */
async function closeAndWaitForExit(): Promise<void> {
  const pid = srv?.transport.pid;
  await srv?.close();
  srv = undefined;
  if (pid === null || pid === undefined) return;
  await waitFor(() => !isRunning(pid), { what: `the server (pid ${pid}) to exit` });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the server and proves it serves: a search that must find the Redis runbook. */
async function startAndSearch(): Promise<void> {
  srv = await startServer(entry, fx);
  const found = textOf(await callTool(srv.client, 'search_runbooks', { query: 'redis memory' }));
  expect(found).toContain('docs/redis/README');
}

describe('the MCP server code cache', () => {
  it('is written after the first start, then used as it is', async () => {
    fx = await makeFixture();
    await startAndSearch();
    const file = await waitForCache();
    const first = await stat(file);
    await srv?.close();

    await startAndSearch();
    await srv?.close();
    srv = undefined;
    expect((await stat(file)).mtimeMs).toBe(first.mtimeMs);
    expect(await caches()).toHaveLength(1);
  });

  it('is written at exit by a server closed after one question', async () => {
    fx = await makeFixture();
    await startAndSearch();
    await closeAndWaitForExit();
    // The server was closed at once, well before the timed save: only its exit wrote the cache.
    expect((await stat(await waitForCache())).size).toBeGreaterThan(100_000);
  });

  it('replaces a corrupt cache, and answers meanwhile', async () => {
    fx = await makeFixture();
    await startAndSearch();
    const file = await waitForCache();
    await srv?.close();
    const garbage = Buffer.alloc((await stat(file)).size, 0x5a);
    await writeFile(file, garbage);

    await startAndSearch();
    const replaced = await readFile(await waitForCache(garbage));
    expect(replaced.equals(garbage)).toBe(false);
  });

  it('serves, and exits cleanly, when the cache folder cannot be made', async () => {
    fx = await makeFixture();
    await mkdir(path.dirname(codeDir()), { recursive: true });
    await writeFile(codeDir(), 'a file where the folder would go\n');
    await startAndSearch();
    const stderr = srv!.stderr;
    // Closed at once, so the save that fails is the one at exit; an error there would print.
    await closeAndWaitForExit();
    expect(stderr()).not.toMatch(/Error|\n\s+at /);
    expect(await readFile(codeDir(), 'utf8')).toBe('a file where the folder would go\n');
  });

  it('prunes caches untouched for a month, and keeps recent ones of other builds', async () => {
    fx = await makeFixture();
    await mkdir(codeDir(), { recursive: true });
    const old = path.join(codeDir(), 'mcp-server-0000000000000000-v18.0.0-x64.v8');
    const recent = path.join(codeDir(), 'mcp-server-1111111111111111-v22.0.0-x64.v8');
    const unrelated = path.join(codeDir(), 'notes.txt');
    for (const file of [old, recent, unrelated]) await writeFile(file, 'x');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    await utimes(old, longAgo, longAgo);
    await utimes(unrelated, longAgo, longAgo);

    await startAndSearch();
    await waitForCache();
    // Pruning follows the save in the same tick.
    const left = await readdir(codeDir());
    expect(left).not.toContain(path.basename(old));
    expect(left).toContain(path.basename(recent));
    expect(left).toContain('notes.txt');
  });
});
