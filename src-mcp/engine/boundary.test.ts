/**
 * The runbook folder is a boundary for reading: a link whose real target lies outside it is not
 * listed, indexed, searchable or readable, and is reported once. Real folders, real symlinks.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine } from './engine.js';
import type { Skip } from './types.js';
import { watchRunbookFolder, type FolderWatcher } from './watcher.js';
import { snapshotFolder } from '../test-support/folder-snapshot.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

/** A word that appears only in the files outside the folder. */
const SECRET_WORD = 'zanzibarcredential';
const SECRET_TEXT = `# Outside secret\n\naws_secret_access_key = ${SECRET_WORD}\n`;

let base: string;
let root: string;
let outside: string;
let skips: Skip[];
let watcher: FolderWatcher | undefined;

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'rb-boundary-'));
  root = path.join(base, 'runbooks');
  outside = path.join(base, 'outside');
  await fs.mkdir(path.join(root, 'docs'), { recursive: true });
  await fs.mkdir(path.join(outside, 'team'), { recursive: true });
  await fs.writeFile(path.join(root, 'real.md'), '# Real\n\nrestart the api\n');
  await fs.writeFile(path.join(root, 'docs', 'guide.md'), '# Guide\n');
  await fs.writeFile(path.join(outside, 'secret.md'), SECRET_TEXT);
  // Not an identical copy of secret.md: search folds identical copies into one hit.
  await fs.writeFile(path.join(outside, 'team', 'deploy.md'), `${SECRET_TEXT}\nteam copy\n`);
  skips = [];
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await fs.rm(base, { recursive: true, force: true });
});

function open(options: { dir?: string; followOutsideLinks?: boolean } = {}): Engine {
  return Engine.open({
    dir: options.dir ?? root,
    logsDir: path.join(base, 'logs'),
    followOutsideLinks: options.followOutsideLinks,
    onSkip: (skip) => skips.push(skip),
  });
}

const link = (target: string, at: string) => fs.symlink(target, path.join(root, at));
const names = async (engine: Engine) => (await engine.list()).map((s) => s.name);

describe('links to outside the folder', () => {
  it.each([
    {
      why: 'a relative file link to outside (notes.md -> ../outside/secret.md)',
      make: () => link('../outside/secret.md', 'notes.md'),
      skipped: 'notes.md',
      hidden: 'notes',
    },
    {
      why: 'an absolute file link to outside',
      make: () => link(path.join(outside, 'secret.md'), 'abs.md'),
      skipped: 'abs.md',
      hidden: 'abs',
    },
    {
      why: 'a folder link to outside (a linked team repo)',
      make: () => link('../outside/team', 'team'),
      skipped: 'team',
      hidden: 'team/deploy',
    },
    {
      why: 'a link deeper down, in a subfolder',
      make: () => link('../../outside/secret.md', 'docs/creds.md'),
      skipped: 'docs/creds.md',
      hidden: 'docs/creds',
    },
    {
      why: 'an inside link that leads to a link to outside (two hops)',
      make: async () => {
        await link('../outside/secret.md', 'hop1.txt.bak');
        await link('hop1.txt.bak', 'hop2.md');
      },
      skipped: 'hop2.md',
      hidden: 'hop2',
    },
    {
      why: 'a folder link to the folder above the runbook folder',
      make: () => link('..', 'up'),
      skipped: 'up',
      hidden: 'up/outside/secret',
      target: '.',
    },
  ])('$why: not listed, searchable or readable; skipped once', async (row) => {
    await row.make();
    const before = await snapshotFolder(outside);
    const engine = open();
    expect(await names(engine)).not.toContain(row.hidden);
    expect(await engine.search(SECRET_WORD)).toEqual([]);
    expect((await rejectedRunbookError(engine.read(row.hidden))).code).toBe('not-found');
    await engine.reindex();
    const reported = skips.filter((s) => s.path === row.skipped);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ reason: 'outside-folder' });
    const target = await fs.realpath(path.join(base, row.target ?? 'outside'));
    expect(reported[0]?.detail).toContain(target);
    expect(engine.skipped()).toContainEqual(reported[0]);
    expect(await names(engine)).toContain('real');
    expect(await snapshotFolder(outside)).toEqual(before);
  });

  it.each([
    {
      why: 'a file link inside the folder',
      make: () => link('real.md', 'alias.md'),
      name: 'alias',
    },
    {
      why: 'a folder link inside the folder (to a hidden folder the scan does not enter)',
      make: async () => {
        await fs.mkdir(path.join(root, '.vendored'));
        await fs.writeFile(path.join(root, '.vendored', 'guide.md'), '# Vendored\n');
        await link('.vendored', 'shared');
      },
      name: 'shared/guide',
    },
  ])('$why keeps working', async ({ make, name }) => {
    await make();
    const engine = open();
    expect(await names(engine)).toContain(name);
    expect((await engine.read(name)).content.length).toBeGreaterThan(0);
    expect(skips).toEqual([]);
  });

  it('compares real paths: a runbook folder reached through a link keeps its inside links', async () => {
    await link('real.md', 'alias.md');
    await link('../outside/secret.md', 'notes.md');
    const viaLink = path.join(base, 'linked-root');
    await fs.symlink(root, viaLink);
    const engine = open({ dir: viaLink });
    expect(await names(engine)).toEqual(['alias', 'docs/guide', 'real']);
  });

  it('still ends on a symlink loop', async () => {
    await link('.', 'docs/loop');
    await link('../docs', 'docs/back');
    const engine = open();
    expect(await names(engine)).toEqual(['docs/guide', 'real']);
  });

  it('with followOutsideLinks, serves outside links on purpose', async () => {
    await link('../outside/secret.md', 'notes.md');
    await link('../outside/team', 'team');
    const engine = open({ followOutsideLinks: true });
    expect(await names(engine)).toEqual(['docs/guide', 'notes', 'real', 'team/deploy']);
    expect((await engine.search(SECRET_WORD)).map((h) => h.name).sort()).toEqual([
      'notes',
      'team/deploy',
    ]);
    expect((await engine.read('notes')).content).toBe(SECRET_TEXT);
  });
});

describe('the other read paths', () => {
  it('a file link to outside that arrives later (the watcher path) is not indexed', async () => {
    const engine = open();
    await engine.ready();
    await link('../outside/secret.md', 'late.md');
    await link('../outside/team', 'lateteam');
    const event = await engine.applyChanges(['late.md', 'lateteam', 'lateteam/deploy.md']);
    expect(event.added).toEqual([]);
    expect(await names(engine)).toEqual(['docs/guide', 'real']);
    expect(await engine.search(SECRET_WORD)).toEqual([]);
    expect(skips.map((s) => [s.path, s.reason])).toEqual(
      expect.arrayContaining([
        ['late.md', 'outside-folder'],
        ['lateteam', 'outside-folder'],
      ]),
    );
  });

  it('a runbook replaced by a link to outside after indexing is refused, then dropped', async () => {
    const engine = open();
    await engine.ready();
    await fs.rm(path.join(root, 'real.md'));
    await link('../outside/secret.md', 'real.md');
    const error = await rejectedRunbookError(engine.read('real'));
    expect(error.code).toBe('path-escape');
    expect(error.file).toBe('real.md');
    expect(error.message).not.toContain(SECRET_WORD);
    expect((await rejectedRunbookError(engine.render('real'))).code).toBe('path-escape');
    const event = await engine.applyChanges(['real.md']);
    expect(event.removed).toEqual(['real']);
  });

  it.each([
    { why: 'env.yaml', file: 'env.yaml', profile: undefined },
    { why: 'env.yml', file: 'env.yml', profile: undefined },
    { why: 'a profile file', file: 'env.prod.yaml', profile: 'prod' },
  ])('$why linking to outside is refused by name, unless opted in', async ({ file, profile }) => {
    await fs.writeFile(path.join(outside, 'env.yaml'), `token: ${SECRET_WORD}\n`);
    await link('../outside/env.yaml', file);
    const error = await rejectedRunbookError(open().env(profile));
    expect(error.code).toBe('path-escape');
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.fix).toContain('followOutsideLinks');
    const allowed = await open({ followOutsideLinks: true }).env(profile);
    expect(allowed.env).toEqual({ token: SECRET_WORD });
  });

  it('an env.yaml linked inside the folder still loads', async () => {
    await fs.writeFile(path.join(root, 'docs', 'shared-env.yaml'), 'region: eu\n');
    await link('docs/shared-env.yaml', 'env.yaml');
    expect((await open().env()).env).toEqual({ region: 'eu' });
  });
});

describe('a runbook folder that disappears', () => {
  it('serves no stale runbook, names the missing folder, and comes back', async () => {
    const engine = open();
    expect(await names(engine)).toEqual(['docs/guide', 'real']);
    const removed: string[] = [];
    engine.onChange((event) => removed.push(...event.removed));
    watcher = watchRunbookFolder(engine, { pollMs: 50 });
    await watcher.ready;
    await fs.rm(root, { recursive: true });
    // One call at a time: a call started early could reject before anything awaits it.
    const calls = [() => engine.list(), () => engine.search('restart'), () => engine.read('real')];
    for (const call of calls) {
      const error = await rejectedRunbookError(call());
      expect(error.code).toBe('not-found');
      expect(error.message).toContain(root);
    }
    await vi.waitFor(() => expect(removed.sort()).toEqual(['docs/guide', 'real']), {
      timeout: 5000,
    });
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'back.md'), '# Back\n');
    await vi.waitFor(async () => expect(await names(engine)).toEqual(['back']), {
      timeout: 5000,
    });
  });

  it('without a watcher, every call still names the missing folder', async () => {
    const engine = open();
    await engine.ready();
    await fs.rm(root, { recursive: true });
    expect((await rejectedRunbookError(engine.list())).file).toBe(root);
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'back.md'), '# Back\n');
    await engine.reindex();
    expect(await names(engine)).toEqual(['back']);
  });

  it('a folder replaced by a file is missing too', async () => {
    const engine = open();
    await engine.ready();
    await fs.rm(root, { recursive: true });
    await fs.writeFile(root, 'not a folder');
    expect((await rejectedRunbookError(engine.list())).message).toContain('is a file now');
  });
});
