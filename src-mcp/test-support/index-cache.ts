/** Test-only: engines over a temp folder with a temp index cache, and waiting for its writes. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { onTestFinished, vi } from 'vitest';
import { Engine } from '../engine/engine.js';
import { decodeIndexCache } from '../engine/index-cache.js';
import { IndexCacheFile } from '../engine/index-cache-file.js';
import type { SearchPage } from '../engine/types.js';
import { waitFor } from './wait-for.js';

export async function openReady(dir: string, cacheDir: string | undefined): Promise<Engine> {
  const engine = Engine.open({ dir, logsDir: path.join(dir, '..', 'logs'), cacheDir });
  await engine.ready();
  return engine;
}

export function cacheFileOf(cacheDir: string, dir: string): IndexCacheFile {
  const file = IndexCacheFile.for(cacheDir, dir, false);
  if (!file) throw new Error(`no cache file for ${dir}`);
  return file;
}

/** Waits until the folder's cache holds a valid file written after `since` (ms). */
export async function cacheWritten(cacheDir: string, dir: string, since = 0): Promise<void> {
  const file = cacheFileOf(cacheDir, dir);
  await waitFor(
    async () => {
      const stat = await fs.stat(file.file).catch(() => undefined);
      const bytes = stat && stat.mtimeMs >= since ? await fs.readFile(file.file) : undefined;
      return bytes !== undefined && decodeIndexCache(bytes, file.key) !== undefined;
    },
    { what: `the index cache of ${dir} to be written` },
  );
}

/** Counts the engine's cache writes (they still happen) until the test ends. */
export function recordCacheWrites(): { count(): number; settled(): Promise<boolean[]> } {
  const write = vi.spyOn(IndexCacheFile.prototype, 'write');
  onTestFinished(() => write.mockRestore());
  return {
    count: () => write.mock.calls.length,
    settled: () => Promise.all(write.mock.results.map((r) => r.value as Promise<boolean>)),
  };
}

/** The engine writes its cache on the turn after its scan (setImmediate): it has begun by now. */
export function writeSoonTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What a user sees of a search, in a shape `toEqual` can compare across engines. */
export async function seen(engine: Engine, query: string): Promise<unknown> {
  const page: SearchPage = await engine.searchPage(query, { limit: 20 });
  const list = await engine.list();
  return {
    total: page.total,
    matched: page.matched,
    hits: page.hits.map((h) => [h.name, h.title, h.snippet, h.copies?.count ?? 0]),
    list: list.map((s) => [s.name, s.title, s.size, s.variables.map((v) => v.name)]),
  };
}
