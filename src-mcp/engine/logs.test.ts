import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogStore, logFolderName } from './logs.js';
import { REDACTED } from './redact-shapes.js';
import { CORPORA_SKIPPED, corporaDir } from '../test-support/shared-folder.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const corpora = corporaDir();
const CORPUS_RUNBOOK = path.join(
  corpora ?? '',
  'openshift-runbooks/alerts/cluster-monitoring-operator/PrometheusScrapeBodySizeLimitHit.md',
);

let root: string;
let store: LogStore;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'runbook-logs-'));
  store = new LogStore(path.join(root, 'logs'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const at = (iso: string): Date => new Date(iso);

describe('append / read / list / latest', () => {
  it('writes one file with a header under the runbook folder, and reads it back', async () => {
    const entry = await store.append(
      'docs/redis/README',
      'ran FLUSHALL on staging',
      at('2026-11-25T11:05:33.123Z'),
    );

    expect(entry).toEqual({
      id: '2026-11-25T11-05-33.123Z.md',
      runbook: 'docs/redis/README',
      createdAt: '2026-11-25T11:05:33.123Z',
      size: expect.any(Number),
    });
    const folder = path.join(store.dir, logFolderName('docs/redis/README'));
    expect(await fs.readdir(folder)).toEqual([entry.id]);
    const onDisk = await fs.readFile(path.join(folder, entry.id), 'utf8');
    expect(Buffer.byteLength(onDisk)).toBe(entry.size);
    expect(onDisk).toBe(
      '# Execution log: docs/redis/README\n\n- Runbook: docs/redis/README\n' +
        '- Written: 2026-11-25T11:05:33.123Z\n\n---\n\nran FLUSHALL on staging\n',
    );
    expect(await store.read('docs/redis/README', entry.id)).toBe(onDisk);
  });

  it.skipIf(!corpora)(
    corpora
      ? 'keeps a real runbook body byte for byte (braces, PromQL, jsonpath)'
      : CORPORA_SKIPPED,
    async () => {
      const body = await fs.readFile(CORPUS_RUNBOOK, 'utf8');
      const entry = await store.append('alerts/PrometheusScrapeBodySizeLimitHit', body);
      const text = await store.read('alerts/PrometheusScrapeBodySizeLimitHit', entry.id);
      expect(text.endsWith(`---\n\n${body}`)).toBe(true);
    },
  );

  it('lists newest first by the time in the name, not by mtime', async () => {
    const times = [
      '2026-01-02T00:00:00.000Z',
      '2025-12-31T23:59:59.999Z',
      '2026-01-01T12:00:00.000Z',
    ];
    for (const time of times) await store.append('deploy', `at ${time}`, at(time));
    // Touch the oldest log last, as a copy or backup restore would.
    const oldest = path.join(store.dir, logFolderName('deploy'), '2025-12-31T23-59-59.999Z.md');
    await fs.utimes(oldest, new Date(), new Date(Date.now() + 60_000));

    const ids = (await store.list('deploy')).map((entry) => entry.id);
    expect(ids).toEqual([
      '2026-01-02T00-00-00.000Z.md',
      '2026-01-01T12-00-00.000Z.md',
      '2025-12-31T23-59-59.999Z.md',
    ]);
    const latest = await store.latest('deploy');
    expect(latest?.entry.id).toBe('2026-01-02T00-00-00.000Z.md');
    expect(latest?.text).toContain('at 2026-01-02T00:00:00.000Z');
  });

  it('gives logs in the same millisecond distinct ids, numbered in order, none lost', async () => {
    const now = at('2026-11-25T11:05:33.123Z');
    const texts = Array.from({ length: 12 }, (_, i) => `log ${i}`);
    const entries = await Promise.all(texts.map((text) => store.append('same-ms', text, now)));

    const ids = new Set(entries.map((entry) => entry.id));
    expect(ids.size).toBe(12);
    for (const entry of entries) {
      const i = entries.indexOf(entry);
      expect(await store.read('same-ms', entry.id)).toContain(`log ${i}\n`);
    }
    const listed = (await store.list('same-ms')).map((entry) => entry.id);
    // Numeric, not string, order of the counter: -11 before -10 before -9.
    const expected = ['-11', '-10', '-9', '-8', '-7', '-6', '-5', '-4', '-3', '-2', '-1', ''];
    expect(listed).toEqual(expected.map((suffix) => `2026-11-25T11-05-33.123Z${suffix}.md`));
    expect(listed.every((id) => !id.startsWith('.tmp'))).toBe(true);
    const files = await fs.readdir(path.join(store.dir, logFolderName('same-ms')));
    expect(files.filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('knows nothing of a runbook without logs', async () => {
    expect(await store.list('never-logged')).toEqual([]);
    expect(await store.latest('never-logged')).toBeUndefined();
  });

  it('redacts a credential shape in the stored file even if the caller did not', async () => {
    const text =
      'psql "postgres://app:hunter2x@db:5432/app"\ncurl -H "Authorization: Bearer abcdef0123456789"';
    const entry = await store.append('db/restore', text);
    const onDisk = await fs.readFile(
      path.join(store.dir, logFolderName('db/restore'), entry.id),
      'utf8',
    );
    expect(onDisk).not.toContain('hunter2x');
    expect(onDisk).not.toContain('abcdef0123456789');
    expect(onDisk).toContain(`postgres://app:${REDACTED}@db:5432/app`);
    expect(onDisk).toContain(`Authorization: Bearer ${REDACTED}`);
  });

  it('escapes control characters of the name in the header', async () => {
    const entry = await store.append('evil\n# Injected heading', 'x');
    const text = await store.read('evil\n# Injected heading', entry.id);
    expect(text.split('\n')[0]).toBe('# Execution log: evil\\u000a# Injected heading');
  });

  it('rejects an invalid date and an empty runbook name', async () => {
    expect((await rejectedRunbookError(store.append('x', 'y', new Date('nope')))).code).toBe(
      'invalid-argument',
    );
    expect((await rejectedRunbookError(store.append('', 'y'))).code).toBe('invalid-name');
  });
});

describe('hostile runbook names', () => {
  const rows: { why: string; name: string }[] = [
    { why: 'nested folder name', name: 'docs/redis/README' },
    { why: 'climbs out of the folder', name: '../../etc' },
    { why: 'absolute POSIX path', name: '/etc/passwd' },
    { why: 'Windows drive and backslashes', name: 'C:\\Windows\\System32' },
    { why: 'colon is illegal on Windows', name: 'a:b' },
    { why: 'same slug as a:b, must not collide', name: 'a/b' },
    { why: 'differs from a/b only in case (case-insensitive disks)', name: 'A/B' },
    { why: 'NUL byte', name: 'nul\0byte' },
    { why: 'accents and CJK', name: 'café/日本語' },
    { why: 'Windows reserved device name', name: 'CON' },
    { why: 'dot', name: '.' },
    { why: 'dot dot', name: '..' },
    { why: 'hidden-file style', name: '.hidden' },
    { why: 'trailing dot and space are dropped by Windows', name: 'trailing. ' },
    { why: 'only symbols', name: '<>|?*"' },
    { why: 'very long', name: 'x'.repeat(500) },
  ];

  it.each(rows)('$why: one safe folder inside dir', async ({ name }) => {
    const folder = logFolderName(name);
    expect(folder).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}-[0-9a-f]{12}$/);
    expect(path.dirname(path.join(store.dir, folder))).toBe(store.dir);
    const entry = await store.append(name, `log of ${JSON.stringify(name)}`);
    expect((await store.list(name)).map((e) => e.id)).toEqual([entry.id]);
  });

  it('gives every name its own folder and writes nothing outside dir', async () => {
    for (const { name } of rows) await store.append(name, 'x');
    const folders = await fs.readdir(store.dir);
    expect(folders.sort()).toEqual(rows.map(({ name }) => logFolderName(name)).sort());
    expect(await fs.readdir(root)).toEqual(['logs']);
  });

  it('keeps the readable part of the name in the folder', () => {
    expect(logFolderName('docs/redis/README')).toMatch(/^docs-redis-README-[0-9a-f]{12}$/);
    expect(logFolderName('café/日本語')).toMatch(/^cafe-[0-9a-f]{12}$/);
  });
});

describe('hostile log ids', () => {
  const rows: { why: string; id: string }[] = [
    { why: 'parent folder', id: '..' },
    { why: 'climbs to a sibling runbook', id: '../other/2026-11-25T11-05-33.123Z.md' },
    { why: 'valid prefix then a climb', id: '2026-11-25T11-05-33.123Z.md/../../../etc/passwd' },
    { why: 'absolute path', id: '/etc/passwd' },
    { why: 'Windows separator', id: '..\\..\\secret.md' },
    { why: 'colon form of the time (not what we write)', id: '2026-11-25T11:05:33.123Z.md' },
    { why: 'empty', id: '' },
    { why: 'our temp file', id: '.tmp-1-abcdef' },
    { why: 'NUL byte', id: '2026-11-25T11-05-33.123Z.md\0' },
    { why: 'encoded dots', id: '%2e%2e%2fpasswd' },
  ];

  it.each(rows)('$why → invalid-name naming the id and folder', async ({ id }) => {
    await store.append('target', 'x', at('2026-11-25T11:05:33.123Z'));
    const error = await rejectedRunbookError(store.read('target', id));
    expect(error.code).toBe('invalid-name');
    expect(error.key).toBe(id);
    expect(error.file).toBe(path.join(store.dir, logFolderName('target')));
    expect(error.fix).toBeTruthy();
  });

  it('well-formed but absent id → not-found naming the id and folder', async () => {
    const error = await rejectedRunbookError(store.read('target', '2020-01-01T00-00-00.000Z.md'));
    expect(error.code).toBe('not-found');
    expect(error.key).toBe('2020-01-01T00-00-00.000Z.md');
    expect(error.file).toBe(path.join(store.dir, logFolderName('target')));
    expect(error.message).toContain('target');
  });
});
