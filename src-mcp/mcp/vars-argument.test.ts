import { describe, expect, it } from 'vitest';
import { RunbookError } from '../engine/errors.js';
import { parseVarsArgument } from './vars-argument.js';

describe('parseVarsArgument', () => {
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
    expect(parseVarsArgument(input)).toEqual(vars);
  });

  it.each([
    { why: 'a first piece without =', input: 'api' },
    { why: 'an empty key', input: '=api' },
    { why: 'an empty key after a good pair', input: 'a=1, =2' },
  ])('refuses $why with a fix', ({ input }) => {
    const error = (() => {
      try {
        parseVarsArgument(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RunbookError);
    expect((error as RunbookError).code).toBe('invalid-argument');
    expect((error as RunbookError).describe()).toMatch(/key=value/);
  });
});
