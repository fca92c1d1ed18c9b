/**
 * Destruction is exact and recoverable, and never reaches outside the folder: delete, rename,
 * overwrite and save through the real engine on real temp folders, with links, twins and bad bytes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { snapshotFolder } from '../test-support/folder-snapshot.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const LATIN1 = Buffer.from('# Caf\xe9 runbook\nstep \xff\n', 'latin1');

async function openEngine(
  files: Record<string, string | Buffer>,
  followOutsideLinks = false,
): Promise<Engine> {
  const dir = await makeFolder(files);
  const logsDir = await makeFolder({}, 'runbook-logs-');
  const engine = Engine.open({ dir, logsDir, followOutsideLinks });
  await engine.ready();
  return engine;
}

const read = (engine: Engine, rel: string) => fs.readFile(path.join(engine.root, rel), 'utf8');

describe('destructive calls take the exact name only', () => {
  const files = {
    'deploy/rollback.md': '# Deploy rollback\n',
    'team/important.md': '# Important\n',
    'db/rollback.md': '# DB rollback\n',
    'rollback.md': '# Top rollback\n',
  };

  it.each([
    ['delete', (e: Engine, n: string) => e.delete(n)],
    ['rename', (e: Engine, n: string) => e.rename(n, 'elsewhere/new-name')],
    ['save', (e: Engine, n: string) => e.save(n, 'replaced\n')],
  ])('%s refuses a bare, suffix or other-case name and changes nothing', async (_op, run) => {
    const engine = await openEngine(files);
    const before = await snapshotFolder(engine.root);
    for (const name of [
      'IMPORTANT.md',
      'important',
      'Team/Important',
      'ROLLBACK',
      'loy/rollback',
    ]) {
      const error = await rejectedRunbookError(run(engine, name));
      expect(['not-found', 'ambiguous'], name).toContain(error.code);
      expect(error.details.length, name).toBeGreaterThan(0);
    }
    expect(await snapshotFolder(engine.root)).toEqual(before);
  });

  it('delete "rollback" twice trashes rollback once, then refuses, listing what is left', async () => {
    const engine = await openEngine(files);
    expect((await engine.delete('rollback')).name).toBe('rollback');
    const second = await rejectedRunbookError(engine.delete('rollback'));
    expect(second.code).toBe('ambiguous');
    expect(second.details).toEqual(['db/rollback', 'deploy/rollback']);
    expect(await read(engine, 'deploy/rollback.md')).toBe('# Deploy rollback\n');
  });

  it.each(['deploy/rollback', 'deploy/rollback.md', 'deploy\\rollback.md', './deploy/rollback'])(
    'delete accepts the exact name written as %s',
    async (name) => {
      const engine = await openEngine(files);
      const { trashPath } = await engine.delete(name);
      expect(await read(engine, trashPath)).toBe('# Deploy rollback\n');
    },
  );

  it('create refuses a name that differs only in case from a runbook, even with overwrite', async () => {
    const engine = await openEngine(files);
    const error = await rejectedRunbookError(
      engine.create('team/IMPORTANT', 'x', { overwrite: true }),
    );
    expect(error.code).toBe('exists');
    expect(error.fix).toMatch(/team\/important/);
    expect(await fs.readdir(path.join(engine.root, 'team'))).toEqual(['important.md']);
  });
});

describe('every replacement keeps the previous text in .trash/', () => {
  it('create with overwrite, and each save, keep what they replace', async () => {
    const engine = await openEngine({ 'ops/a.md': '# One\n' });
    const created = await engine.create('ops/a', '# Two\n', { overwrite: true });
    expect(created.backupPath).toMatch(/^\.trash\/[^/]+\/ops\/a\.md$/);
    expect(await read(engine, created.backupPath!)).toBe('# One\n');
    const first = await engine.save('ops/a', '# Three\n');
    const second = await engine.save('ops/a.md', '# Four\n');
    expect(await read(engine, first.backupPath!)).toBe('# Two\n');
    expect(await read(engine, second.backupPath!)).toBe('# Three\n');
    expect(new Set([created.backupPath, first.backupPath, second.backupPath]).size).toBe(3);
    expect(await read(engine, 'ops/a.md')).toBe('# Four\n');
    expect((await engine.list()).map((r) => r.name)).toEqual(['ops/a']);
  });

  it('saving the same text again keeps no copy', async () => {
    const engine = await openEngine({ 'a.md': '# Same\n' });
    expect((await engine.save('a', '# Same\n')).backupPath).toBeUndefined();
  });

  it('a trashed copy can be restored once its name is free', async () => {
    const engine = await openEngine({ 'a.md': '# Old\n' });
    const { backupPath } = await engine.save('a', '# New\n');
    await engine.delete('a');
    await engine.restore(backupPath!);
    expect(await read(engine, 'a.md')).toBe('# Old\n');
  });
});

describe('no write goes through a link to outside the folder', () => {
  async function withOutside(): Promise<{ engine: Engine; outside: string }> {
    const outside = await makeFolder({ 'x.md': '# Outside x\n', 'secret.md': '# Secret\n' });
    const engine = await openEngine({ 'inside.md': '# Inside\n' }, true);
    await fs.symlink(outside, path.join(engine.root, 'linkdir'));
    await fs.symlink(path.join(outside, 'secret.md'), path.join(engine.root, 'linked.md'));
    // With the opt-in, reads follow these links; writes must refuse all the same.
    await engine.applyChanges(['linkdir/x.md', 'linked.md']);
    expect((await engine.list()).map((r) => r.name)).toEqual(['inside', 'linkdir/x', 'linked']);
    return { engine, outside };
  }

  const ops: Array<[string, (e: Engine) => Promise<unknown>]> = [
    ['delete a file in a linked folder', (e) => e.delete('linkdir/x')],
    ['delete a linked file', (e) => e.delete('linked')],
    ['rename a file in a linked folder', (e) => e.rename('linkdir/x', 'moved')],
    ['rename a linked file', (e) => e.rename('linked', 'moved')],
    ['rename into a linked folder', (e) => e.rename('inside', 'linkdir/inside')],
    ['save a file in a linked folder', (e) => e.save('linkdir/x', 'pwned')],
    ['save a linked file', (e) => e.save('linked', 'pwned')],
    [
      'overwrite a file in a linked folder',
      (e) => e.create('linkdir/x', 'pwned', { overwrite: true }),
    ],
    ['overwrite a linked file', (e) => e.create('linked', 'pwned', { overwrite: true })],
    ['create in a linked folder', (e) => e.create('linkdir/new', 'pwned')],
  ];

  it.each(ops)('%s is refused, and outside is untouched', async (_why, run) => {
    const { engine, outside } = await withOutside();
    const before = await snapshotFolder(outside);
    const inside = await snapshotFolder(engine.root);
    const error = await rejectedRunbookError(run(engine));
    expect(error.code).toBe('path-escape');
    expect(error.fix).toBeTruthy();
    expect(await snapshotFolder(outside)).toEqual(before);
    expect(await snapshotFolder(engine.root)).toEqual(inside);
  });

  it('a .trash that links outside is refused for delete and for backups', async () => {
    const outside = await makeFolder({});
    const engine = await openEngine({ 'a.md': '# A\n' });
    await fs.symlink(outside, path.join(engine.root, '.trash'));
    expect((await rejectedRunbookError(engine.delete('a'))).code).toBe('path-escape');
    expect((await rejectedRunbookError(engine.save('a', '# B\n'))).code).toBe('path-escape');
    expect(await fs.readdir(outside)).toEqual([]);
    expect(await read(engine, 'a.md')).toBe('# A\n');
  });

  it('a link that stays inside is saved through, and stays a link', async () => {
    const engine = await openEngine({ 'real/a.md': '# A\n' });
    await fs.symlink(path.join(engine.root, 'real/a.md'), path.join(engine.root, 'alias.md'));
    await engine.applyChanges(['alias.md']);
    await engine.save('alias', '# Saved\n');
    expect((await fs.lstat(path.join(engine.root, 'alias.md'))).isSymbolicLink()).toBe(true);
    expect(await read(engine, 'real/a.md')).toBe('# Saved\n');
  });
});

describe('text that is not UTF-8 is never replaced', () => {
  it.each([
    ['save', (e: Engine) => e.save('legacy', '# Fixed\n')],
    ['overwrite', (e: Engine) => e.create('legacy', '# Fixed\n', { overwrite: true })],
  ])('%s is refused with invalid-encoding and keeps every byte', async (_op, run) => {
    const engine = await openEngine({ 'legacy.md': LATIN1 });
    const error = await rejectedRunbookError(run(engine));
    expect(error.code).toBe('invalid-encoding');
    expect(error.file).toBe('legacy.md');
    expect(error.fix).toMatch(/UTF-8/);
    expect(await fs.readFile(path.join(engine.root, 'legacy.md'))).toEqual(LATIN1);
    expect(await fs.readdir(engine.root)).toEqual(['legacy.md']);
  });
});

describe('logs outlive their runbook', () => {
  it('a deleted runbook keeps its logs listable and readable by its exact name', async () => {
    const engine = await openEngine({ 'rollback.md': '# R\n', 'deploy/rollback.md': '# D\n' });
    const entry = await engine.appendLog('rollback', 'ran step 1');
    await engine.appendLog('deploy/rollback', 'other runbook');
    await engine.delete('rollback');
    expect((await engine.listLogs('rollback')).map((l) => l.id)).toEqual([entry.id]);
    expect(await engine.readLog('rollback', entry.id)).toMatch(/ran step 1/);
    expect((await engine.latestLog('rollback'))?.entry.id).toBe(entry.id);
    expect(await engine.listLogs('deploy/rollback')).toHaveLength(1);
  });

  it('a name with neither a runbook nor logs is still not found', async () => {
    const engine = await openEngine({ 'a.md': '# A\n' });
    expect((await rejectedRunbookError(engine.listLogs('never/was'))).code).toBe('not-found');
  });
});
