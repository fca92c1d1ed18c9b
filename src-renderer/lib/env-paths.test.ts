import { describe, expect, it } from 'vitest';
import type { EnvPathPart } from '../../src-mcp/engine/types.js';
import { checkEnvPath, keysAfter } from './env-paths.js';

const env = {
  cluster: { name: 'staging', region: 'eu' },
  deployments: { checkout: { namespace: 'shop' }, payments: { namespace: 'pay', extra: { a: 1 } } },
  dbs: { 'eu-primary': { host: 'h1' }, 'us-primary': { host: 'h2' } },
  hosts: ['a', 'b'],
};
const key = (k: string): EnvPathPart => ({ key: k });
const variable = (v: string): EnvPathPart => ({ variable: v });

describe('checkEnvPath', () => {
  const rows: { why: string; path: EnvPathPart[]; ok: boolean; message?: RegExp }[] = [
    { why: 'a literal path to a scalar resolves', path: [key('cluster'), key('name')], ok: true },
    {
      why: 'a missing key names what is there',
      path: [key('cluster'), key('zone')],
      ok: false,
      message: /No "zone" under env\[cluster\]\. It has: name, region\./,
    },
    {
      why: 'a missing top key says so',
      path: [key('nope')],
      ok: false,
      message: /at the top of env\.yaml/,
    },
    {
      why: 'a variable part stands for any key',
      path: [key('deployments'), variable('service'), key('namespace')],
      ok: true,
    },
    {
      why: 'a key after a variable must exist under some choice',
      path: [key('deployments'), variable('s'), key('image')],
      ok: false,
      message: /No "image"/,
    },
    {
      why: 'a path ending on a mapping is not a value',
      path: [key('cluster')],
      ok: false,
      message: /group of keys/,
    },
    { why: 'a list index is a key', path: [key('hosts'), key('1')], ok: true },
    {
      why: 'a built key matches by its literal pieces',
      path: [key('dbs'), { parts: [{ variable: 'r' }, '-primary'] }, key('host')],
      ok: true,
    },
    {
      why: 'a built key with no fitting key is reported',
      path: [key('dbs'), { parts: [{ variable: 'r' }, '-replica'] }, key('host')],
      ok: false,
      message: /fits \[\{var\.r\}-replica\]/,
    },
  ];
  it.each(rows)('$why', ({ path, ok, message }) => {
    const check = checkEnvPath(env, path);
    expect(check.ok).toBe(ok);
    if (!check.ok && message) expect(check.message).toMatch(message);
  });
});

describe('keysAfter', () => {
  it('offers the keys at a literal path', () => {
    expect(keysAfter(env, [key('cluster')])).toEqual(['name', 'region']);
  });
  it('offers the union of keys under every choice of a variable', () => {
    expect(keysAfter(env, [key('deployments'), variable('s')]).sort()).toEqual([
      'extra',
      'namespace',
    ]);
  });
  it('offers nothing below a scalar or a missing key', () => {
    expect(keysAfter(env, [key('cluster'), key('name')])).toEqual([]);
    expect(keysAfter(env, [key('nope')])).toEqual([]);
  });
});
