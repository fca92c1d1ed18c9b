import { describe, expect, it } from 'vitest';
import { mergeLines } from './merge-lines.js';
import { minimalChange } from './minimal-change.js';

describe('minimalChange', () => {
  it.each([
    ['same text: no change', 'abc', 'abc', undefined],
    [
      'one word in the middle',
      'title: a\nbody',
      'title: bb\nbody',
      { from: 7, to: 8, insert: 'bb' },
    ],
    [
      'an insertion at the start',
      'body',
      '---\n---\nbody',
      { from: 0, to: 0, insert: '---\n---\n' },
    ],
    ['a repeated letter is not counted twice', 'aa', 'a', { from: 1, to: 2, insert: '' }],
  ])('%s', (_why, before, after, expected) => {
    const change = minimalChange(before, after);
    expect(change).toEqual(expected);
    if (change)
      expect(before.slice(0, change.from) + change.insert + before.slice(change.to)).toBe(after);
  });
});

describe('mergeLines: ours reformats, theirs changes content', () => {
  it.each([
    [
      'untouched lines keep our bytes',
      ['a\n', 'b\n'],
      ['a  \n', 'b\n'],
      ['a\n', 'B\n'],
      ['a  \n', 'B\n'],
    ],
    ['the same line changed by both: theirs wins', ['a\n'], ['a  \n'], ['A\n'], ['A\n']],
    ['a line added by theirs at the end', ['a\n'], ['a  \n'], ['a\n', 'b\n'], ['a  \n', 'b\n']],
    [
      'a line removed by theirs',
      ['a\n', 'b\n', 'c\n'],
      ['a \n', 'b\n', 'c \n'],
      ['a\n', 'c\n'],
      ['a \n', 'c \n'],
    ],
  ])('%s', (_why, base, ours, theirs, merged) => {
    expect(mergeLines(base, ours, theirs)).toEqual(merged);
  });
});
