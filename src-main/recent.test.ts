import { describe, expect, it } from 'vitest';
import { pushRecent } from './recent.js';

describe('pushRecent', () => {
  it.each([
    [[], 'a', 8, ['a'], 'first copy'],
    [['b', 'a'], 'a', 8, ['a', 'b'], 'copying again moves it to the top, no duplicate'],
    [['c', 'b', 'a'], 'd', 3, ['d', 'c', 'b'], 'the oldest falls off at the limit'],
  ])('%j + %s → %j (%s)', (recent, name, limit, expected) => {
    expect(pushRecent(recent, name, limit)).toEqual(expected);
  });
});
