/**
 * The Trash view, Duplicate, New from template, Pinned and Recent through the app API's dispatch,
 * over a real engine on a temp folder: restore never overwrites, delete forever only removes a
 * file inside .trash/, and the prompt policy sees the same Pinned and Recent as the library.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { readFavourites } from '../mcp/prompt-policy.js';
import { expectFolderUnchanged, snapshotFolder } from '../test-support/folder-snapshot.js';
import { apiCaller } from '../test-support/api-calls.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { confSettingsStore } from './conf-settings.js';
import type { ApiHandlers } from './contract.js';
import { confRecentStore } from './recent-store.js';
import { createService } from './service.js';

const ROLLBACK = '---\ntitle: Roll back\n---\n# Roll back {var.service}\r\nbytes: \u00e9\u2603\n';
const TEMPLATE = '---\ntitle: Incident\ntemplate: true\n---\n# Incident {var.what}\n';

let dir: string;
let outside: string;
let data: string;
let engine: Engine;
let handlers: ApiHandlers;
const { call, failure } = apiCaller(() => handlers);

beforeEach(async () => {
  dir = await makeFolder({
    'deploy/rollback.md': ROLLBACK,
    'templates/postmortem.md': '# Postmortem\n',
    'ops/incident-base.md': TEMPLATE,
  });
  outside = await makeFolder({ 'secret.md': 'do not touch\n' }, 'outside-');
  data = await makeFolder({}, 'data-');
  engine = Engine.open({ dir, logsDir: path.join(data, 'logs') });
  handlers = createService(
    { engine },
    {
      clients: { launch: () => ({ command: process.execPath, args: [] }) },
      settings: confSettingsStore(data),
      recent: confRecentStore(data),
    },
  );
});

describe('trash', () => {
  it('lists a deleted runbook with when and where, and restores its exact bytes', async () => {
    const { trashPath } = await call('delete', { name: 'deploy/rollback' });
    const [entry, ...rest] = await call('trashList');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ trashPath, path: 'deploy/rollback.md', name: 'deploy/rollback' });
    expect(entry?.taken).toBe(false);
    expect(Math.abs(Date.parse(entry?.deletedAt ?? '') - Date.now())).toBeLessThan(60_000);
    const restored = await call('trashRestore', { trashPath });
    expect(restored.name).toBe('deploy/rollback');
    expect(await fs.readFile(path.join(dir, 'deploy/rollback.md'), 'utf8')).toBe(ROLLBACK);
    expect(await call('trashList')).toEqual([]);
    // The emptied time folder is tidied away; .trash/ itself stays.
    expect(await fs.readdir(path.join(dir, '.trash'))).toEqual([]);
  });

  it('refuses to create over a runbook with a fix the app can follow', async () => {
    const error = await failure('create', { name: 'deploy/rollback', content: 'x\n' });
    expect(error.code).toBe('exists');
    expect(error.fix).toBe('Choose another name.');
    const twin = await failure('create', { name: 'Deploy/Rollback', content: 'x\n' });
    expect(twin.fix).toMatch(/another name: "deploy\/rollback"/);
    expect(twin.fix).not.toMatch(/overwrite/);
  });

  it('never restores over a runbook: says so, and restores under another name', async () => {
    const { trashPath } = await call('delete', { name: 'deploy/rollback' });
    await call('create', { name: 'deploy/rollback', content: 'new text\n' });
    const [entry] = await call('trashList');
    expect(entry?.taken).toBe(true);
    const error = await failure('trashRestore', { trashPath });
    expect(error.code).toBe('exists');
    expect(error.fix).toMatch(/another name/);
    expect(await fs.readFile(path.join(dir, 'deploy/rollback.md'), 'utf8')).toBe('new text\n');
    const caseTwin = await failure('trashRestore', { trashPath, as: 'Deploy/Rollback' });
    expect(caseTwin.code).toBe('exists');
    const restored = await call('trashRestore', { trashPath, as: 'deploy/rollback-old' });
    expect(restored.path).toBe('deploy/rollback-old.md');
    expect(await fs.readFile(path.join(dir, 'deploy/rollback-old.md'), 'utf8')).toBe(ROLLBACK);
  });

  it('tells a deleted runbook from a text a save replaced, which restores beside the runbook', async () => {
    await call('save', { name: 'deploy/rollback', content: '# Roll back, second text\n' });
    await call('delete', { name: 'templates/postmortem' });
    const entries = await call('trashList');
    const replaced = entries.find((e) => e.path === 'deploy/rollback.md');
    expect(replaced).toMatchObject({ reason: 'replaced', taken: true });
    expect(replaced?.trashPath).toMatch(/^\.trash\/[^/]+-replaced\/deploy\/rollback\.md$/);
    const deleted = entries.find((e) => e.path === 'templates/postmortem.md');
    expect(deleted).toMatchObject({ reason: 'deleted', taken: false });
    expect((await failure('trashRestore', { trashPath: replaced!.trashPath })).code).toBe('exists');
    const as = 'deploy/rollback-earlier';
    await call('trashRestore', { trashPath: replaced!.trashPath, as });
    expect(await fs.readFile(path.join(dir, `${as}.md`), 'utf8')).toBe(ROLLBACK);
    expect(await fs.readFile(path.join(dir, 'deploy/rollback.md'), 'utf8')).toMatch(/second/);
  });

  it('reads a trashed text to compare, and refuses one bigger than a runbook may be', async () => {
    await call('save', { name: 'deploy/rollback', content: '# Roll back, second text\n' });
    const [entry] = await call('trashList');
    expect(await call('trashRead', { trashPath: entry!.trashPath })).toEqual({ text: ROLLBACK });
    const big = '.trash/2025-06-01T10-00-00-000Z/big.md';
    await fs.mkdir(path.join(dir, path.dirname(big)), { recursive: true });
    await fs.writeFile(path.join(dir, big), Buffer.alloc(1024 * 1024 + 1, 'x'));
    const error = await failure('trashRead', { trashPath: big });
    expect([error.code, error.file]).toEqual(['too-large', big]);
  });

  it('reads a trash made before the reason was kept: every entry is deleted', async () => {
    const old = path.join(dir, '.trash/2025-06-01T10-00-00-000Z-2/old.md');
    await fs.mkdir(path.dirname(old), { recursive: true });
    await fs.writeFile(old, '# Old\n');
    expect(await call('trashList')).toEqual([
      expect.objectContaining({
        path: 'old.md',
        reason: 'deleted',
        deletedAt: '2025-06-01T10:00:00.000Z',
      }),
    ]);
  });

  it('deletes forever only the one trashed file', async () => {
    const { trashPath } = await call('delete', { name: 'deploy/rollback' });
    const before = await snapshotFolder(dir);
    await call('trashDelete', { trashPath });
    const after = await snapshotFolder(dir);
    const gone = Object.keys(before).filter((k) => !(k in after));
    expect(gone.every((k) => k.startsWith('.trash/'))).toBe(true);
    expect(gone).toContain(trashPath);
    expect((await failure('trashDelete', { trashPath })).code).toBe('not-found');
  });

  const hostile: { why: string; trashPath: string }[] = [
    { why: 'a runbook outside .trash/', trashPath: 'deploy/rollback.md' },
    { why: 'climbs out of the folder', trashPath: '.trash/2026-01-01T00-00-00-000Z/../../x.md' },
    { why: 'climbs out of .trash/', trashPath: '.trash/../deploy/rollback.md' },
    { why: 'an absolute path', trashPath: '/etc/passwd' },
    { why: 'not a time folder', trashPath: '.trash/anything/deploy/rollback.md' },
    { why: 'the time folder itself', trashPath: '.trash/2026-01-01T00-00-00-000Z' },
    { why: 'a backslash way out', trashPath: '.trash\\2026-01-01T00-00-00-000Z\\..\\..\\x.md' },
    { why: 'a link in the trash to outside', trashPath: '.trash/2026-01-01T00-00-00-000Z/l.md' },
  ];
  it.each(hostile)('refuses $why, and nothing changes', async ({ trashPath }) => {
    await fs.mkdir(path.join(dir, '.trash/2026-01-01T00-00-00-000Z'), { recursive: true });
    await fs.symlink(
      path.join(outside, 'secret.md'),
      path.join(dir, '.trash/2026-01-01T00-00-00-000Z/l.md'),
    );
    const inside = await snapshotFolder(dir);
    const away = await snapshotFolder(outside);
    for (const method of ['trashDelete', 'trashRestore', 'trashRead'] as const) {
      const error = await failure(method, { trashPath });
      expect(['invalid-name', 'not-found', 'path-escape', 'invalid-argument']).toContain(
        error.code,
      );
    }
    await expectFolderUnchanged(dir, inside);
    await expectFolderUnchanged(outside, away);
  });
});

describe('duplicate and templates', () => {
  it('duplicates under the first free name, never over one', async () => {
    const first = await call('duplicate', { name: 'deploy/rollback' });
    const second = await call('duplicate', { name: 'deploy/rollback' });
    expect([first.path, second.path]).toEqual([
      'deploy/rollback-copy.md',
      'deploy/rollback-copy-2.md',
    ]);
    expect(await fs.readFile(path.join(dir, second.path), 'utf8')).toBe(ROLLBACK);
  });

  it('lists templates by folder and by front matter, and creates from one', async () => {
    const templates = await call('templates');
    expect(templates.map((t) => t.name).sort()).toEqual([
      'ops/incident-base',
      'templates/postmortem',
    ]);
    const made = await call('createFromTemplate', {
      template: 'ops/incident-base',
      name: 'incidents/db-down',
    });
    expect(await fs.readFile(path.join(dir, made.path), 'utf8')).toBe(
      '---\ntitle: Incident\n---\n# Incident {var.what}\n',
    );
    expect((await call('templates')).map((t) => t.name)).not.toContain('incidents/db-down');
    const taken = await failure('createFromTemplate', {
      template: 'templates/postmortem',
      name: 'deploy/rollback',
    });
    expect(taken.code).toBe('exists');
    expect(await fs.readFile(path.join(dir, 'deploy/rollback.md'), 'utf8')).toBe(ROLLBACK);
  });
});

describe('pinned and recent', () => {
  it('are what the MCP prompt policy reads', async () => {
    await call('pin', { name: 'deploy/rollback', pinned: true });
    await call('noteRecent', { name: 'templates/postmortem' });
    const favourites = await call('noteRecent', { name: 'deploy/rollback' });
    expect(favourites).toEqual({
      pinned: ['deploy/rollback'],
      recent: ['deploy/rollback', 'templates/postmortem'],
    });
    expect(readFavourites(data)).toEqual(favourites);
    expect(await call('pin', { name: 'deploy/rollback', pinned: false })).toMatchObject({
      pinned: [],
    });
  });

  it('refuse a runbook that does not exist', async () => {
    expect((await failure('pin', { name: 'nope/never', pinned: true })).code).toBe('not-found');
    expect((await failure('noteRecent', { name: 'nope/never' })).code).toBe('not-found');
  });
});
