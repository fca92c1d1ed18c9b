import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolder, writeFiles } from '../test-support/temp-folder.js';
import type { Engine } from './engine.js';
import { layOut, openSections, type Section } from './index-cache-sections.js';
import {
  cacheFileOf,
  cacheWritten,
  openReady,
  recordCacheWrites,
  seen,
  writeSoonTurn,
} from '../test-support/index-cache.js';

const RUNBOOKS = {
  'db/etcd-backup.md':
    '---\ntitle: Back up etcd\ntags: [etcd]\n---\nTake an etcd snapshot with etcdctl.\n',
  'db/etcd-defrag.md': '# Defragment etcd\n\nRun etcdctl defrag on each member.\n',
  'copy/etcd-defrag.md': '# Defragment etcd\n\nRun etcdctl defrag on each member.\n',
  'web/nginx.md': '# Reload nginx\n\nRun nginx -s reload for {var.host}.\n',
};

let base: string;
let dir: string;
let cacheDir: string;
const engines: Engine[] = [];

async function open(withCache = true): Promise<Engine> {
  const engine = await openReady(dir, withCache ? cacheDir : undefined);
  engines.push(engine);
  return engine;
}

/** A start, its cache written: what the next start finds. */
async function firstRun(): Promise<void> {
  await open();
  await cacheWritten(cacheDir, dir);
}

beforeEach(async () => {
  base = await makeFolder({}, 'index-cache-');
  dir = path.join(base, 'runbooks');
  cacheDir = path.join(base, 'cache');
  await writeFiles(dir, RUNBOOKS);
});

afterEach(async () => {
  engines.length = 0;
  // A cache write may still land while the folder goes: retry.
  await fs.rm(base, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

describe('index cache between runs', () => {
  it('answers the same as an engine without a cache', async () => {
    await firstRun();
    const cached = await open();
    const fresh = await open(false);
    for (const query of ['etcd', 'defrag', 'nginx reload', 'snapshot'])
      expect(await seen(cached, query)).toEqual(await seen(fresh, query));
    // Every stored summary (title, tags, variables, problems…) comes back as a scan makes it.
    expect(await cached.list()).toEqual(await fresh.list());
  });

  it('is written again over a restored one, and that cache answers like a fresh engine', async () => {
    await firstRun();
    const written = (await fs.stat(cacheFileOf(cacheDir, dir).file)).mtimeMs;
    await fs.appendFile(path.join(dir, 'db/etcd-defrag.md'), '\nThen compact the revisions.\n');
    await writeFiles(dir, { 'db/redis.md': '# Flush redis\n\nredis-cli flushall {var.db}\n' });
    await open();
    await cacheWritten(cacheDir, dir, written + 1);
    const cached = await open();
    const fresh = await open(false);
    // Prefixes too: the restored vocabulary and the terms added since, in one sorted order.
    for (const query of [
      'etcd',
      'defrag',
      'compact revisions',
      'flushall',
      'nginx',
      'flush',
      'compa',
      'etcdc',
      'redi',
    ])
      expect(await seen(cached, query)).toEqual(await seen(fresh, query));
    expect(await cached.list()).toEqual(await fresh.list());
  });

  it('sees a same-size edit made while no process ran (the mtime changed)', async () => {
    await firstRun();
    const file = path.join(dir, 'web/nginx.md');
    const before = await fs.readFile(file, 'utf8');
    const edited = before.replace('nginx -s reload', 'apachectl grace');
    expect(edited.length).toBe(before.length);
    await fs.writeFile(file, edited);
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    const engine = await open();
    expect((await engine.search('apachectl')).map((h) => h.name)).toEqual(['web/nginx']);
    expect(await engine.search('nginx -s')).not.toContainEqual(
      expect.objectContaining({ snippet: expect.stringContaining('-s reload') }),
    );
  });

  it('misses a same-size edit that kept the mtime exactly (an accepted limitation)', async () => {
    const file = path.join(dir, 'web/nginx.md');
    // Whole milliseconds: what `utimes` can set again exactly.
    const stamp = new Date(Date.UTC(2024, 0, 1));
    await fs.utimes(file, stamp, stamp);
    await firstRun();
    const before = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, before.replace('Reload nginx', 'Reboot nginx'));
    await fs.utimes(file, stamp, stamp);
    const engine = await open();
    // The cached title stands: proof the file was not read again.
    expect((await engine.resolve('web/nginx')).title).toBe('Reload nginx');
  });

  it('drops files deleted and adds files created between runs', async () => {
    await firstRun();
    await fs.rm(path.join(dir, 'db/etcd-backup.md'));
    await writeFiles(dir, { 'db/redis.md': '# Flush redis\n\nredis-cli flushall\n' });
    const engine = await open();
    const names = (await engine.list()).map((s) => s.name);
    expect(names).toEqual(['copy/etcd-defrag', 'db/etcd-defrag', 'db/redis', 'web/nginx']);
    expect((await engine.search('snapshot')).length).toBe(0);
    expect((await engine.search('flushall'))[0]?.name).toBe('db/redis');
    expect(await seen(engine, 'etcd')).toEqual(await seen(await open(false), 'etcd'));
  });

  it('is written again after a start that changed something, not after one that did not', async () => {
    await firstRun();
    const file = cacheFileOf(cacheDir, dir).file;
    const written = (await fs.stat(file)).mtimeMs;
    const writes = recordCacheWrites();
    await open();
    await writeSoonTurn();
    expect(writes.count()).toBe(0);
    expect((await fs.stat(file)).mtimeMs).toBe(written);
    await writeFiles(dir, { 'new.md': '# New one\n' });
    await open();
    await cacheWritten(cacheDir, dir, written + 1);
  });
});

describe('a damaged or foreign cache is rebuilt, never believed', () => {
  const damages: Array<[string, (bytes: Buffer, other: Buffer) => Buffer]> = [
    ['empty file', () => Buffer.alloc(0)],
    ['truncated to half', (bytes) => bytes.subarray(0, bytes.length >> 1)],
    ['truncated by one byte', (bytes) => bytes.subarray(0, bytes.length - 1)],
    [
      'random bytes of the same length',
      (bytes) => Buffer.from(bytes.map(() => (Math.random() * 256) | 0)),
    ],
    ['valid JSON instead', () => Buffer.from(JSON.stringify({ format: 1, root: dir }))],
    ['the cache of another folder', (_bytes, other) => other],
    ['an older format', (bytes) => withHeader(bytes, (h) => ({ ...h, format: 0 }))],
    ['another engine version', (bytes) => withHeader(bytes, (h) => ({ ...h, engine: '0.0.1' }))],
    ['one byte of the posting lists changed', (bytes) => flipByteIn(bytes, 'postings')],
    ["one byte of a runbook's stored details changed", (bytes) => flipByteIn(bytes, 'details')],
    ['one byte of the paths changed', (bytes) => flipByteIn(bytes, 'paths')],
    [
      'a checksum that does not match',
      (bytes) => withHeader(bytes, (h) => ({ ...h, checksum: 1 })),
    ],
    [
      'term offsets out of order, under a checksum that matches',
      (bytes) => withSection(bytes, 'termStarts', (data) => data.writeInt32LE(1 << 20, 4)),
    ],
    [
      'a sorted term id past the last term, under a checksum that matches',
      (bytes) => withSection(bytes, 'sorted', (data) => data.writeInt32LE(1 << 20, 0)),
    ],
  ];

  it.each(damages)('%s', async (_why, damage) => {
    await firstRun();
    const otherDir = path.join(base, 'other');
    await writeFiles(otherDir, { 'x.md': '# Something else entirely\n' });
    await openReady(otherDir, cacheDir);
    await cacheWritten(cacheDir, otherDir);
    const file = cacheFileOf(cacheDir, dir).file;
    const other = await fs.readFile(cacheFileOf(cacheDir, otherDir).file);
    await fs.writeFile(file, damage(await fs.readFile(file), other));
    const since = Date.now();
    const writes = recordCacheWrites();
    const engine = await open();
    await writeSoonTurn();
    // Not believed: the start read the folder, and writes the cache anew.
    expect(writes.count()).toBeGreaterThan(0);
    const fresh = await open(false);
    for (const query of ['etcd', 'nginx', 'something'])
      expect(await seen(engine, query)).toEqual(await seen(fresh, query));
    await cacheWritten(cacheDir, dir, since - 1000);
  });
});

describe('without a usable cache folder', () => {
  it('sweeps the files of earlier versions (named by SHA-1) and keeps every other file', async () => {
    await fs.mkdir(cacheDir, { recursive: true });
    const legacy = path.join(cacheDir, `index-${'ab12'.repeat(5)}.bin`);
    await fs.writeFile(legacy, 'an earlier version’s cache');
    await fs.writeFile(path.join(cacheDir, 'notes.bin'), 'not ours');
    await firstRun();
    const names = await fs.readdir(cacheDir);
    expect(names.sort()).toEqual(
      [path.basename(cacheFileOf(cacheDir, dir).file), 'notes.bin'].sort(),
    );
    expect(path.basename(cacheFileOf(cacheDir, dir).file)).toMatch(/^index-[0-9a-f]{16}\.bin$/);
  });

  it('works when the cache folder cannot be created (a file stands in its place)', async () => {
    await fs.writeFile(cacheDir, 'not a folder');
    const writes = recordCacheWrites();
    const engine = await open();
    expect(await seen(engine, 'etcd')).toEqual(await seen(await open(false), 'etcd'));
    await writeSoonTurn();
    expect(await writes.settled()).toEqual([false]);
    expect(await fs.readFile(cacheDir, 'utf8')).toBe('not a folder');
  });
});

describe('reindex', () => {
  it('reads nothing when nothing changed, and only what changed otherwise', async () => {
    const engine = await open();
    expect(await engine.reindex()).toMatchObject({ added: [], changed: [], removed: [] });
    await fs.appendFile(path.join(dir, 'web/nginx.md'), '\nThen check the access log.\n');
    await fs.rm(path.join(dir, 'copy/etcd-defrag.md'));
    const event = await engine.reindex();
    expect(event).toMatchObject({
      added: [],
      changed: ['web/nginx'],
      removed: ['copy/etcd-defrag'],
    });
    expect((await engine.search('access log'))[0]?.name).toBe('web/nginx');
  });
});

describe('snippets read from the file', () => {
  it('cut from the text on disk now, or the description when the file is gone', async () => {
    const engine = await open(false);
    const file = path.join(dir, 'db/etcd-backup.md');
    await fs.writeFile(file, '# Back up etcd\n\nCopy the snapshot to the vault.\n');
    expect((await engine.search('snapshot'))[0]?.snippet).toBe(
      '# Back up etcd Copy the «snapshot» to the vault.',
    );
    await fs.rm(file);
    const [after] = await engine.search('snapshot');
    expect(after?.name).toBe('db/etcd-backup');
    expect(after?.snippet).toBe('Take an etcd «snapshot» with etcdctl.');
  });

  it('are read again after an edit, and never through a link put in the file’s place', async () => {
    const engine = await open(false);
    const file = path.join(dir, 'db/etcd-backup.md');
    const snippet = async (): Promise<string | undefined> =>
      (await engine.search('snapshot'))[0]?.snippet;
    await fs.writeFile(file, '# Back up etcd\n\nCopy the snapshot to the vault.\n');
    expect(await snippet()).toContain('to the vault');
    // Same size, another mtime: what a cached body must not hide.
    await fs.writeFile(file, '# Back up etcd\n\nCopy the snapshot to the attic.\n');
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await snippet()).toContain('to the attic');
    const outside = path.join(base, 'outside.md');
    await fs.writeFile(outside, '# Secret\n\nThe snapshot key is hunter2.\n');
    await fs.rm(file);
    await fs.symlink(outside, file);
    expect(await snippet()).not.toContain('hunter2');
  });
});

type Header = Record<string, unknown>;

function withHeader(bytes: Buffer, change: (header: Header) => Header): Buffer {
  const length = bytes.readUInt32LE(4);
  const header = change(JSON.parse(bytes.toString('utf8', 8, 8 + length)) as Header);
  const text = Buffer.from(JSON.stringify(header).padEnd(length, ' ').slice(0, length));
  return Buffer.concat([bytes.subarray(0, 8), text, bytes.subarray(8 + length)]);
}

/** The header and where the sections start, as index-cache-sections lays them out. */
function frameOf(bytes: Buffer) {
  const length = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as Header & {
    sections: Record<string, [Section['kind'], number, number]>;
  };
  return { header, start: (8 + length + 7) & ~7 };
}

/**
 * Rewrites a section's bytes and the checksum with them: damage that only the checks of the
 * arrays' shape can catch.
 */
function withSection(bytes: Buffer, name: string, change: (data: Buffer) => void): Buffer {
  const { header, start } = frameOf(bytes);
  const sections: Record<string, Section> = {};
  for (const [key, [kind, offset, size]] of Object.entries(header.sections)) {
    sections[key] = {
      kind,
      bytes: Buffer.from(bytes.subarray(start + offset, start + offset + size)),
    };
  }
  const section = sections[name];
  if (!section || section.bytes.length < 8) throw new Error(`no ${name} section`);
  change(section.bytes);
  // layOut writes the checksum and the section table anew over the header's.
  const damaged = layOut(header, sections);
  if (!openSections(damaged)) throw new Error('the rewritten frame does not open');
  return damaged;
}

/** Changes one byte in the middle of a section (the file's checksum no longer matches). */
function flipByteIn(bytes: Buffer, section: string): Buffer {
  const { header, start } = frameOf(bytes);
  const found = header.sections[section];
  if (!found || found[2] === 0) throw new Error(`no ${section} section`);
  const at = start + found[1] + (found[2] >> 1);
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}
