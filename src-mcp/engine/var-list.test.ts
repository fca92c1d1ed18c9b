import { describe, expect, it } from 'vitest';
import { RunbookError } from './errors.js';
import { parseVarList } from './var-list.js';

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
