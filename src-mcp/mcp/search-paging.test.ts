/** search_runbooks on the real server over stdio: the count, offsets, copies and accents. */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, startRunningServer, textOf, type RunningServer } from './test-harness.js';

/** Three copies of one folder (as the 10k bench holds 14), and a runbook spelled with accents. */
const COPIED: Record<string, string> = {
  'keydb/memory.md': '# KeyDB memory\n\nFind the big keys with keydb-cli --bigkeys.\n',
  'keydb/latency.md': '# KeyDB latency\n\nCheck slowlog and the keydb network.\n',
  'keydb/failover.md': '# KeyDB failover\n\nPromote a replica with keydb sentinel.\n',
};

let server: RunningServer;
let before: Map<string, string>;

beforeAll(async () => {
  server = await startRunningServer(async (fx) => {
    for (const copy of ['copy1', 'copy2', 'copy3']) {
      for (const [file, text] of Object.entries(COPIED)) {
        await mkdir(path.dirname(path.join(fx.dir, copy, file)), { recursive: true });
        await writeFile(path.join(fx.dir, copy, file), text);
      }
    }
    await writeFile(path.join(fx.dir, 'unicode.md'), '# Ünïcode runbook\n\nNormalize text.\n');
  });
  before = await snapshot(server.fx.dir);
});
afterAll(() => server?.stop());

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = files.filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name));
  return new Map(
    await Promise.all(entries.map(async (f) => [f, await readFile(f, 'utf8')] as const)),
  );
}

interface Page {
  hits: Array<{ name: string; snippet: string; copies?: { count: number; names: string[] } }>;
  total: number;
  matched: number;
  offset: number;
}

async function search(args: Record<string, unknown>): Promise<{ page: Page; text: string }> {
  const result = await callTool(server.srv.client, 'search_runbooks', args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return { page: result.structuredContent as unknown as Page, text: textOf(result) };
}

describe('search_runbooks over stdio', () => {
  it('says how many results there are and shows copies once, naming the others', async () => {
    const { page, text } = await search({ query: 'keydb', limit: 2 });
    expect(page).toMatchObject({ total: 3, matched: 9, offset: 0 });
    expect(page.hits).toHaveLength(2);
    for (const hit of page.hits) {
      expect(hit.copies?.count).toBe(2);
      expect(hit.copies?.names).toHaveLength(2);
    }
    expect(text).toMatch(/^3 found \(9 runbooks; identical copies are shown once\), showing 1–2\./);
    expect(text).toMatch(/Identical copies: copy\d\/keydb\/\w+, copy\d\/keydb\/\w+/);
    expect(text).toContain('More: call again with offset 2.');
  });

  it('an offset gives the next page; the pages together are every result once', async () => {
    const first = await search({ query: 'keydb', limit: 2 });
    const second = await search({ query: 'keydb', limit: 2, offset: 2 });
    expect(second.page).toMatchObject({ total: 3, offset: 2 });
    expect(second.text).toMatch(/showing 3–3\./);
    expect(second.text).not.toContain('More:');
    const names = [...first.page.hits, ...second.page.hits].map((h) => h.name.split('/').pop());
    expect(names.sort()).toEqual(['failover', 'latency', 'memory']);
  });

  it.each<[Record<string, unknown>, RegExp, string]>([
    [{ query: 'keydb', offset: 50 }, /^3 found .*; none after result 50/, 'past the end'],
    [{ query: 'zzqxv' }, /^No runbook matches "zzqxv"/, 'nothing matches'],
    [{ query: 'unicode' }, /^1 found, showing 1–1\.\n1\. unicode — Ünïcode runbook/, 'accents'],
  ])('%j → %s (%s)', async (args, pattern) => {
    expect((await search(args)).text).toMatch(pattern);
  });

  it('marks the accented original in the snippet', async () => {
    const { page } = await search({ query: 'UNICODE' });
    expect(page.hits[0]?.snippet).toContain('«Ünïcode»');
  });

  it.each<[Record<string, unknown>, string]>([
    [{ query: 'keydb', offset: -1 }, 'a negative offset'],
    [{ query: 'keydb', offset: 1.5 }, 'a fractional offset'],
    [{ query: 'keydb', offset: 1e12 }, 'an absurd offset'],
    [{ query: 'keydb', offset: '2' }, 'an offset that is a string'],
  ])('refuses %j (%s); the server lives and the folder is unchanged', async (args) => {
    const result = await callTool(server.srv.client, 'search_runbooks', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/offset/);
    expect((await search({ query: 'keydb' })).page.total).toBe(3);
    expect(await snapshot(server.fx.dir)).toEqual(before);
  });
});
