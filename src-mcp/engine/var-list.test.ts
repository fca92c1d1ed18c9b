import { describe, expect, it } from 'vitest';
import { RunbookError } from './errors.js';
import { parseVarList } from './var-list.js';
import { thrownRunbookError } from '../test-support/thrown.js';

describe('parseVarList (the earlier tool’s k=v,k2=v2)', () => {
  it.each([
    ['empty is allowed', '', {}],
    ['one pair', 'a=1', { a: '1' }],
    ['two pairs', 'a=1,b=2', { a: '1', b: '2' }],
    ['a value may contain =', 'q=x=y,b=2', { q: 'x=y', b: '2' }],
    [
      'a piece without = joins the previous value',
      'hosts=a,b,region=eu',
      { hosts: 'a,b', region: 'eu' },
    ],
    ['empty value', 'a=', { a: '' }],
    ['spaces around names are trimmed, values kept', ' a = 1 ', { a: ' 1 ' }],
    ['a trailing comma is ignored', 'a=1,', { a: '1' }],
  ])('%s', (_why, input, expected) => {
    expect(parseVarList(input)).toEqual(expected);
  });

  it.each([
    ['no = at all', 'justtext'],
    ['bad name', '1a=2'],
    ['empty name', '=2'],
  ])('refuses %s with an error naming the argument', (_why, input) => {
    expect(() => parseVarList(input)).toThrow(RunbookError);
    expect(() => parseVarList(input)).toThrow(/vars/);
  });
});

describe('parseVarList as the MCP prompt argument (values trimmed)', () => {
  it.each([
    { why: 'absent means no values', input: undefined, vars: {} },
    { why: 'empty is allowed', input: '', vars: {} },
    { why: 'blank is empty', input: '   ', vars: {} },
    { why: 'one pair', input: 'service=api', vars: { service: 'api' } },
    {
      why: 'pairs split at commas',
      input: 'service=api,ns=prod',
      vars: { service: 'api', ns: 'prod' },
    },
    {
      why: 'spaces around keys and values go',
      input: ' service = api , ns= prod ',
      vars: { service: 'api', ns: 'prod' },
    },
    { why: 'a value may hold =', input: 'query=a=b==c', vars: { query: 'a=b==c' } },
    {
      why: 'a piece without = continues the value',
      input: 'hosts=a,b,c,ns=x',
      vars: { hosts: 'a,b,c', ns: 'x' },
    },
    { why: 'an empty value is a value', input: 'suffix=', vars: { suffix: '' } },
    { why: 'trailing comma is ignored', input: 'a=1,', vars: { a: '1' } },
    { why: 'the last of a repeated key wins', input: 'a=1,a=2', vars: { a: '2' } },
  ])('$why', ({ input, vars }) => {
    expect(parseVarList(input, { trimValues: true })).toEqual(vars);
  });

  it.each([
    { why: 'a first piece without =', input: 'api' },
    { why: 'an empty key', input: '=api' },
    { why: 'an empty key after a good pair', input: 'a=1, =2' },
  ])('refuses $why with a fix', ({ input }) => {
    const error = thrownRunbookError(() => parseVarList(input, { trimValues: true }));
    expect(error.code).toBe('invalid-argument');
    expect(error.describe()).toMatch(/key=value/);
  });
});
