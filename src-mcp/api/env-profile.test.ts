import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { apiCaller } from '../test-support/api-calls.js';
import { makeFolder } from '../test-support/temp-folder.js';
import type { ApiHandlers } from './contract.js';
import { envHandlers } from './service-env.js';

let dir: string;
let outside: string;
let handlers: ApiHandlers;
const { call, failure } = apiCaller(() => handlers);

beforeEach(async () => {
  dir = await makeFolder({ 'env.yaml': 'region: eu\n', 'env.prod.yaml': 'region: us\n' });
  outside = await makeFolder({ 'secret.yaml': 'token: hunter2\n' }, 'outside-');
  const engine = Engine.open({ dir, logsDir: path.join(outside, 'logs') });
  handlers = envHandlers({ engine }) as ApiHandlers;
});

describe('envCreateProfile', () => {
  it('creates env.<profile>.yaml that lists at once and merges over env.yaml', async () => {
    const created = await call('envCreateProfile', { profile: 'staging' });
    expect(created.file).toBe('env.staging.yaml');
    expect(await call('profiles', {})).toContain('staging');
    expect(created.env).toEqual({ region: 'eu' });
    expect(await fs.readFile(path.join(dir, 'env.staging.yaml'), 'utf8')).toMatch(/^# The staging/);
  });

  it.each([
    ['an existing profile is never overwritten', 'prod', 'exists'],
    ['a path is not a profile name', '../outside/evil', 'invalid-argument'],
    ['an empty name', '', 'invalid-argument'],
  ])('%s', async (_why, profile, code) => {
    const error = await failure('envCreateProfile', { profile });
    expect(error.code).toBe(code);
    expect(await fs.readFile(path.join(dir, 'env.prod.yaml'), 'utf8')).toBe('region: us\n');
    expect((await fs.readdir(dir)).sort()).toEqual(['env.prod.yaml', 'env.yaml']);
    expect(await fs.readdir(outside)).toEqual(['secret.yaml']);
  });

  it('a link named like the profile is not written through', async () => {
    await fs.symlink(path.join(outside, 'secret.yaml'), path.join(dir, 'env.qa.yaml'));
    expect((await failure('envCreateProfile', { profile: 'qa' })).code).toBe('exists');
    expect(await fs.readFile(path.join(outside, 'secret.yaml'), 'utf8')).toBe('token: hunter2\n');
  });
});
