import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import type { ChangeEvent } from './types.js';
import { copyBundledRunbooks, makeFolder, writeFiles } from '../test-support/temp-folder.js';
import { rejectedRunbookError } from '../test-support/thrown.js';
import { rewriteLater } from '../test-support/file-time.js';

async function openEngine(files: Record<string, string | Buffer>): Promise<Engine> {
  const dir = await makeFolder(files);
  const logsDir = await makeFolder({}, 'runbook-logs-');
  const engine = Engine.open({ dir, logsDir });
  await engine.ready();
  return engine;
}

describe('runbook names', () => {
  const files = {
    'docs/redis/README.md': '# Redis\n',
    'docs/patroni/README.md': '# Patroni\n',
    'deploy/rollback.md': '# Rollback\n',
    'notes.txt': 'plain text runbook\n',
    'guide.markdown': '# Guide\n',
  };

  it('names a runbook by its folder-relative path without extension', async () => {
    const engine = await openEngine(files);
    expect((await engine.list()).map((r) => r.name)).toEqual([
      'deploy/rollback',
      'docs/patroni/README',
      'docs/redis/README',
      'guide',
      'notes',
    ]);
  });

  it.each([
    ['exact name', 'deploy/rollback', 'deploy/rollback'],
    ['unique bare file name (the earlier tool)', 'rollback', 'deploy/rollback'],
    ['with extension', 'deploy/rollback.md', 'deploy/rollback'],
    ['case-insensitive', 'Deploy/Rollback', 'deploy/rollback'],
    ['path suffix', 'redis/README', 'docs/redis/README'],
    ['windows separators', 'docs\\redis\\README', 'docs/redis/README'],
  ])('resolves %s', async (_why, input, expected) => {
    const engine = await openEngine(files);
    expect((await engine.resolve(input)).name).toBe(expected);
  });

  it('lists the candidates of an ambiguous bare name', async () => {
    const engine = await openEngine(files);
    const error = await rejectedRunbookError(engine.resolve('README'));
    expect(error.code).toBe('ambiguous');
    expect(error.message).toContain('docs/patroni/README');
    expect(error.message).toContain('docs/redis/README');
  });

  it('suggests the closest names for an unknown one', async () => {
    const engine = await openEngine(files);
    const error = await rejectedRunbookError(engine.resolve('rolback'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('deploy/rollback');
  });

  it('prefers .md when two files share a name', async () => {
    const engine = await openEngine({ 'a.txt': 'text', 'a.md': '# Markdown\n' });
    expect((await engine.read('a')).path).toBe('a.md');
  });
});

describe('front matter', () => {
  it('reads title, description, tags and variables', async () => {
    const engine = await openEngine({
      'deploy.md': [
        '---',
        'title: Deploy it',
        'description: Ships the thing',
        'tags: [deploy, k8s]',
        'variables:',
        '  service: {description: Which one, choices: [a, b]}',
        '  token: {secret: true}',
        '  region: {default: eu}',
        '---',
        '# Heading',
        '{var.service} {var.extra} {var.region}',
      ].join('\n'),
    });
    const [runbook] = await engine.list();
    expect(runbook).toMatchObject({
      title: 'Deploy it',
      description: 'Ships the thing',
      tags: ['deploy', 'k8s'],
    });
    expect(runbook!.variables).toEqual([
      {
        name: 'service',
        description: 'Which one',
        default: undefined,
        required: true,
        choices: ['a', 'b'],
        secret: false,
        declared: true,
      },
      {
        name: 'token',
        description: undefined,
        default: undefined,
        required: true,
        choices: undefined,
        secret: true,
        declared: true,
      },
      {
        name: 'region',
        description: undefined,
        default: 'eu',
        required: false,
        choices: undefined,
        secret: false,
        declared: true,
      },
      { name: 'extra', required: true, secret: false, declared: false },
    ]);
  });

  it('takes the title from the first heading when there is no front matter', async () => {
    const engine = await openEngine({ 'x.md': 'intro\n\n## Restart the queue\ntext\n' });
    expect((await engine.list())[0]!.title).toBe('Restart the queue');
  });

  it('keeps a runbook with broken front matter usable and says where', async () => {
    const engine = await openEngine({ 'x.md': '---\ntitle: [unclosed\n---\n# Body\n' });
    const [runbook] = await engine.list();
    expect(runbook!.problems[0]).toMatchObject({ code: 'invalid-front-matter', file: 'x.md' });
    expect(await engine.render('x')).toBe('# Body\n');
  });
});

describe('scanning', () => {
  it('skips .git, node_modules, hidden folders, large and binary files, reporting each once', async () => {
    const skipped: string[] = [];
    const dir = await makeFolder({
      'ok.md': '# ok',
      '.git/HEAD.md': 'x',
      'node_modules/pkg/README.md': 'x',
      '.hidden/secret.md': 'x',
      'big.md': 'a'.repeat(1024 * 1024 + 1),
      'blob.md': Buffer.from([0x23, 0x00, 0x01]),
    });
    const engine = Engine.open({ dir, onSkip: (s) => skipped.push(`${s.path}:${s.reason}`) });
    await engine.ready();
    expect((await engine.list()).map((r) => r.name)).toEqual(['ok']);
    expect(skipped.sort()).toEqual(['big.md:too-large', 'blob.md:binary']);
    await engine.reindex();
    expect(skipped).toHaveLength(2);
  });

  it('does not hang on a symlink loop', async () => {
    const dir = await makeFolder({ 'a/one.md': '# one' });
    await fs.symlink(dir, path.join(dir, 'a', 'loop'));
    const engine = Engine.open({ dir });
    await engine.ready();
    expect((await engine.list()).map((r) => r.name)).toEqual(['a/one']);
  });
});

describe('rendering', () => {
  it('renders the bundled deploy runbook with env, nesting and a profile', async () => {
    const dir = await copyBundledRunbooks();
    const engine = Engine.open({ dir });
    const vars = { service: 'payments', version: '1.2.3' };
    const staging = await engine.render('deploy/rolling-deploy', { vars });
    expect(staging).toContain('namespace `payments`');
    expect(staging).toContain('registry.example.com/acme/payments-api:1.2.3');
    expect(staging).toContain(`-o jsonpath='{.status.readyReplicas}'`);
    expect(staging).toContain('All 2 replicas ready');
    const prod = await engine.render('deploy/rolling-deploy', { vars, profile: 'production' });
    expect(prod).toContain('Cluster **prod-eu1**');
    expect(prod).toContain('All 6 replicas ready');
  });

  it('lists every missing variable and env path with its line in one error', async () => {
    const engine = await openEngine({
      'env.yaml': 'a: 1\n',
      'x.md': '---\ntitle: t\n---\nline {var.one}\n{env[nope][x]} and {var.two}\n',
    });
    const error = await rejectedRunbookError(engine.render('x'));
    expect(error.code).toBe('missing-values');
    expect(error.message).toMatch(/one/);
    expect(error.message).toMatch(/two/);
    expect(error.message).toMatch(/nope/);
    expect(error.message).toMatch(/line 4: var.one/);
    expect(error.describe()).toMatch(/^x\.md:4/);
  });

  it('refuses a value outside the choices', async () => {
    const engine = await openEngine({
      'x.md': '---\nvariables:\n  s: {choices: [a, b]}\n---\n{var.s}',
    });
    const error = await rejectedRunbookError(engine.render('x', { vars: { s: 'c' } }));
    expect(error).toMatchObject({ code: 'invalid-argument', key: 's' });
  });

  it('lets a broken env.yaml affect only the runbooks that use env', async () => {
    const engine = await openEngine({
      'env.yaml': 'a: [1,\n',
      'plain.md': 'no env {var.v}',
      'uses.md': '{env[a]}',
    });
    expect(await engine.render('plain', { vars: { v: 'x' } })).toBe('no env x');
    const error = await rejectedRunbookError(engine.render('uses'));
    expect(error.code).toBe('invalid-yaml');
    expect(error.file).toContain('env.yaml');
    const preview = await engine.preview('uses');
    expect(preview.diagnostics.some((d) => d.code === 'invalid-yaml')).toBe(true);
  });

  it('previews unsaved content leniently', async () => {
    const engine = await openEngine({ 'x.md': 'old' });
    const preview = await engine.preview('x', { content: 'new {var.a} {var.b}', vars: { a: 'A' } });
    expect(preview.text).toBe('new A {var.b}');
    expect(preview.unresolved.map((u) => u.key)).toEqual(['var.b']);
  });
});

describe('editing', () => {
  it('creates, refuses to overwrite, saves, detects conflicts, renames, trashes and restores', async () => {
    const engine = await openEngine({});
    const created = await engine.create('ops/new-one', '# New\n');
    expect(created.path).toBe('ops/new-one.md');
    expect((await rejectedRunbookError(engine.create('ops/new-one', 'x'))).code).toBe('exists');
    const saved = await engine.save('ops/new-one', '# Newer\n', { baseMtimeMs: created.mtimeMs });
    expect(await fs.readFile(path.join(engine.root, 'ops/new-one.md'), 'utf8')).toBe('# Newer\n');
    await rewriteLater(path.join(engine.root, 'ops/new-one.md'), 'changed outside\n');
    const conflict = await rejectedRunbookError(
      engine.save('ops/new-one', 'mine', { baseMtimeMs: saved.mtimeMs }),
    );
    expect(conflict.code).toBe('conflict');
    expect(conflict.details[0]).toMatchObject({ diskContent: 'changed outside\n' });
    expect(await fs.readFile(path.join(engine.root, 'ops/new-one.md'), 'utf8')).toBe(
      'changed outside\n',
    );
    const renamed = await engine.rename('ops/new-one', 'ops/renamed');
    expect(renamed.name).toBe('ops/renamed');
    const { trashPath } = await engine.delete('ops/renamed');
    expect(trashPath).toMatch(/^\.trash\/.+\/ops\/renamed\.md$/);
    expect((await engine.list()).map((r) => r.name)).toEqual([]);
    await engine.restore(trashPath);
    expect((await engine.list()).map((r) => r.name)).toEqual(['ops/renamed']);
  });

  it.each([
    ['parent segments', '../outside'],
    ['nested parent segments', 'a/../../outside'],
    ['absolute path', '/etc/passwd'],
    ['windows drive', 'C:\\evil'],
    ['NUL byte', 'a\0b'],
    ['empty', '  '],
    ['over-long', 'a'.repeat(600)],
    ['hidden segment', '.git/config'],
  ])('refuses a name with %s and writes nothing outside', async (_why, name) => {
    const engine = await openEngine({});
    const error = await rejectedRunbookError(engine.create(name, 'x'));
    expect(['invalid-name', 'path-escape']).toContain(error.code);
    expect(await fs.readdir(engine.root)).toEqual([]);
  });

  it('refuses to write through a symlinked folder that points outside', async () => {
    const outside = await makeFolder({});
    const engine = await openEngine({});
    await fs.symlink(outside, path.join(engine.root, 'link'));
    expect((await rejectedRunbookError(engine.create('link/x', 'x'))).code).toBe('path-escape');
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it('refuses a name that is a folder', async () => {
    const engine = await openEngine({ 'folder.md/inner.md': '# inner' });
    expect(
      (await rejectedRunbookError(engine.create('folder.md', 'x', { overwrite: true }))).code,
    ).toBe('invalid-name');
  });
});

describe('incremental updates', () => {
  it('adds, changes and removes one runbook without a rescan and tells listeners', async () => {
    const engine = await openEngine({ 'a.md': '# Alpha\n' });
    const events: ChangeEvent[] = [];
    engine.onChange((e) => events.push(e));
    await writeFiles(engine.root, { 'b.md': '# Beta about zebras\n' });
    await engine.applyChanges(['b.md']);
    expect((await engine.search('zebras'))[0]?.name).toBe('b');
    await rewriteLater(path.join(engine.root, 'b.md'), '# Beta about giraffes {var.x}\n');
    await engine.applyChanges(['b.md']);
    expect((await engine.search('giraffes'))[0]?.name).toBe('b');
    await fs.rm(path.join(engine.root, 'b.md'));
    await engine.applyChanges(['b.md']);
    expect(await engine.search('giraffes')).toEqual([]);
    expect(events.map((e) => [e.added, e.changed, e.removed, e.listChanged])).toEqual([
      [['b'], [], [], true],
      [[], ['b'], [], true],
      [[], [], ['b'], true],
    ]);
  });

  it('reports an unchanged file as no change, and env.yaml as an env change', async () => {
    const engine = await openEngine({ 'a.md': '# A', 'env.yaml': 'x: 1' });
    expect(await engine.applyChanges(['a.md'])).toMatchObject({
      added: [],
      changed: [],
      listChanged: false,
    });
    await writeFiles(engine.root, { 'env.yaml': 'x: 2' });
    expect((await engine.applyChanges(['env.yaml'])).envChanged).toBe(true);
    expect((await engine.env()).env).toEqual({ x: 2 });
  });

  it('removes every runbook of a deleted folder', async () => {
    const engine = await openEngine({ 'd/a.md': '# A', 'd/e/b.md': '# B', 'c.md': '# C' });
    await fs.rm(path.join(engine.root, 'd'), { recursive: true });
    const event = await engine.applyChanges(['d']);
    expect(event.removed.sort()).toEqual(['d/a', 'd/e/b']);
  });
});

describe('execution logs', () => {
  it('redacts secret variables, secret env values and credential shapes before writing', async () => {
    const engine = await openEngine({
      'env.yaml': 'db:\n  password: hunter2-very-secret\n',
      'x.md': '---\nvariables:\n  api_token: {secret: true}\n---\n{var.api_token}',
    });
    const text = 'used tok-abcdef123456 and hunter2-very-secret with AKIAIOSFODNN7EXAMPLE\n';
    const entry = await engine.appendLog('x', text, { api_token: 'tok-abcdef123456' });
    const stored = await engine.readLog('x', entry.id);
    expect(stored).not.toContain('tok-abcdef123456');
    expect(stored).not.toContain('hunter2-very-secret');
    expect(stored).not.toContain('AKIAIOSFODNN7EXAMPLE');
    const files = await fs.readdir(engine.logsDir, { recursive: true });
    expect(files.length).toBeGreaterThan(0);
    expect((await engine.listLogs('x')).map((e) => e.id)).toEqual([entry.id]);
  });
});
