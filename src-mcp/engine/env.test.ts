import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deepMerge, envKeysAt, lookupEnv } from './env-lookup.js';
import { listProfiles, loadEnv, parseEnvYaml } from './env.js';
import { rejectedRunbookError, thrownRunbookError } from '../test-support/thrown.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'runbook-env-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
}

describe('loadEnv', () => {
  it('reads a plain mapping', async () => {
    await write({ 'env.yaml': 'db:\n  host: db.internal\n  port: 5432\n' });
    const loaded = await loadEnv(root);
    expect(loaded.env).toEqual({ db: { host: 'db.internal', port: 5432 } });
    expect(loaded.files).toEqual([path.join(root, 'env.yaml')]);
  });

  it('unwraps a lone top-level env: key (the earlier layout)', async () => {
    await write({ 'env.yaml': 'env:\n  region: eu-west-1\n' });
    expect((await loadEnv(root)).env).toEqual({ region: 'eu-west-1' });
  });

  it('keeps env: as a key when it has siblings', async () => {
    await write({ 'env.yaml': 'env:\n  a: 1\nother: 2\n' });
    expect((await loadEnv(root)).env).toEqual({ env: { a: 1 }, other: 2 });
  });

  it('accepts env.yml', async () => {
    await write({ 'env.yml': 'a: 1\n' });
    expect(await loadEnv(root)).toEqual({ env: { a: 1 }, files: [path.join(root, 'env.yml')] });
  });

  it('is empty without env.yaml', async () => {
    expect(await loadEnv(root)).toEqual({ env: {}, files: [] });
  });

  it('refuses both env.yaml and env.yml rather than silently ignoring one', async () => {
    await write({ 'env.yaml': 'a: 1\n', 'env.yml': 'a: 2\n' });
    expect((await rejectedRunbookError(loadEnv(root))).code).toBe('ambiguous');
  });

  it('deep-merges the profile over env.yaml: mappings merge, lists and scalars replace', async () => {
    await write({
      'env.yaml': 'db:\n  host: a\n  port: 1\nhosts: [x, y]\nkeep: k\n',
      'env.prod.yml': 'db:\n  host: b\nhosts: [z]\nextra: {n: 1}\n',
    });
    const loaded = await loadEnv(root, 'prod');
    expect(loaded.env).toEqual({
      db: { host: 'b', port: 1 },
      hosts: ['z'],
      keep: 'k',
      extra: { n: 1 },
    });
    expect(loaded.files).toEqual([path.join(root, 'env.yaml'), path.join(root, 'env.prod.yml')]);
  });

  it('loads a profile without env.yaml', async () => {
    await write({ 'env.dev.yaml': 'a: 1\n' });
    expect((await loadEnv(root, 'dev')).env).toEqual({ a: 1 });
  });

  it('lists the available profiles for an unknown one', async () => {
    await write({ 'env.yaml': 'a: 1\n', 'env.prod.yaml': 'a: 2\n', 'env.staging.yml': 'a: 3\n' });
    const err = await rejectedRunbookError(loadEnv(root, 'qa'));
    expect(err.code).toBe('not-found');
    expect(err.message).toContain('Unknown profile "qa". Available: prod, staging.');
    expect(err.details).toEqual(['prod', 'staging']);
  });

  it.each([
    { why: 'a path that leaves the folder', profile: '../../etc/passwd' },
    { why: 'a separator', profile: 'a/b' },
    { why: 'a dot (would read env.a.b.yaml)', profile: 'a.b' },
  ])('refuses a profile name with $why', async ({ profile }) => {
    expect((await rejectedRunbookError(loadEnv(root, profile))).code).toBe('invalid-name');
  });

  it('reports bad YAML as file:line:col with a fix', async () => {
    await write({ 'env.yaml': 'db:\n  host: a\n  list: [1, 2\nnext: 3\n' });
    const err = await rejectedRunbookError(loadEnv(root));
    expect(err.code).toBe('invalid-yaml');
    expect(err.file).toBe(path.join(root, 'env.yaml'));
    expect(err.line).toBe(4);
    expect(err.describe()).toMatch(
      new RegExp(`^${escape(path.join(root, 'env.yaml'))}:4:\\d+: Invalid YAML: \\S`),
    );
    expect(err.message).not.toContain('at line');
    expect(err.fix).toBeTruthy();
  });

  it('reports bad YAML in the profile file by its name', async () => {
    await write({ 'env.yaml': 'a: 1\n', 'env.prod.yaml': 'a: 1\na: 2\n' });
    const err = await rejectedRunbookError(loadEnv(root, 'prod'));
    expect([err.code, err.file, err.line]).toEqual([
      'invalid-yaml',
      path.join(root, 'env.prod.yaml'),
      2,
    ]);
    expect(err.message).toContain('unique');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('parseEnvYaml', () => {
  it.each([
    { why: 'an empty file is an empty env', text: '', env: {} },
    { why: 'comments only is an empty env', text: '# nothing yet\n', env: {} },
    { why: 'an empty env: wrapper is an empty env', text: 'env:\n', env: {} },
    {
      why: 'env: with a scalar is a plain key',
      text: 'env: production\n',
      env: { env: 'production' },
    },
    {
      why: 'numbers and booleans keep their YAML types',
      text: 'p: 5432\nb: true\n',
      env: { p: 5432, b: true },
    },
  ])('$why', ({ text, env }) => {
    expect(parseEnvYaml(text, 'env.yaml')).toEqual(env);
  });

  it.each([
    { why: 'a list', text: '- a\n- b\n', says: 'found a list' },
    { why: 'a scalar', text: 'just text\n', says: 'found a single value' },
  ])('refuses $why at the top level, naming the file', ({ text, says }) => {
    const err = thrownRunbookError(() => parseEnvYaml(text, 'env.yaml'));
    expect(err.code).toBe('invalid-yaml');
    expect(err.describe()).toMatch(/^env\.yaml: .*mapping/);
    expect(err.message).toContain(says);
  });

  it('keeps a __proto__ key as a key, not a prototype', () => {
    const env = parseEnvYaml('__proto__:\n  polluted: yes\n', 'env.yaml');
    expect(lookupEnv(env, ['__proto__', 'polluted'])).toEqual({ found: true, value: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('listProfiles', () => {
  it('finds env.<name>.yaml and .yml, once each, sorted', async () => {
    await write({
      'env.yaml': '',
      'env.staging.yml': '',
      'env.prod.yaml': '',
      'env.prod.yml': '',
      'env.bad name.yaml': '',
      'notenv.qa.yaml': '',
      'env.qa.yaml.bak': '',
    });
    expect(await listProfiles(root)).toEqual(['prod', 'staging']);
  });

  it('is empty for a missing folder', async () => {
    expect(await listProfiles(path.join(root, 'nope'))).toEqual([]);
  });
});

describe('lookupEnv and envKeysAt', () => {
  const env = { a: { b: 'x', n: null }, list: ['p', { q: 1 }], s: 'scalar' };
  it.each([
    { why: 'nested keys', p: ['a', 'b'], result: { found: true, value: 'x' } },
    { why: 'the root itself', p: [], result: { found: true, value: env } },
    {
      why: 'null is found (the renderer calls it empty)',
      p: ['a', 'n'],
      result: { found: true, value: null },
    },
    { why: 'a list index', p: ['list', '1', 'q'], result: { found: true, value: 1 } },
    { why: 'a missing first key', p: ['z'], result: { found: false, missingAt: 0 } },
    { why: 'a missing deeper key', p: ['a', 'z'], result: { found: false, missingAt: 1 } },
    { why: 'an index out of range', p: ['list', '2'], result: { found: false, missingAt: 1 } },
    { why: 'a non-canonical index', p: ['list', '01'], result: { found: false, missingAt: 1 } },
    { why: 'a key under a scalar', p: ['s', 'length'], result: { found: false, missingAt: 1 } },
    { why: 'an inherited name', p: ['hasOwnProperty'], result: { found: false, missingAt: 0 } },
  ])('$why', ({ p, result }) => {
    expect(lookupEnv(env, p)).toEqual(result);
  });

  it.each([
    { why: 'a mapping gives its keys', p: ['a'], keys: ['b', 'n'] },
    { why: 'a list gives its indexes', p: ['list'], keys: ['0', '1'] },
    { why: 'a scalar gives nothing', p: ['s'], keys: [] },
    { why: 'a missing path gives nothing', p: ['z', 'y'], keys: [] },
  ])('envKeysAt: $why', ({ p, keys }) => {
    expect(envKeysAt(env, p)).toEqual(keys);
  });
});

describe('deepMerge', () => {
  it('leaves its inputs untouched', () => {
    const base = { a: { b: 1, c: 2 } };
    const over = { a: { b: 3 } };
    expect(deepMerge(base, over)).toEqual({ a: { b: 3, c: 2 } });
    expect(base).toEqual({ a: { b: 1, c: 2 } });
    expect(over).toEqual({ a: { b: 3 } });
  });

  it('lets null in the profile clear a mapping', () => {
    expect(deepMerge({ a: { b: 1 } }, { a: null })).toEqual({ a: null });
  });
});
