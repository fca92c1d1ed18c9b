import { describe, expect, it } from 'vitest';
import { sameSecret } from './lazy-crypto.js';

describe('sameSecret', () => {
  it.each([
    ['the same token', 'tok-3f9a', 'tok-3f9a', true],
    ['one byte off', 'tok-3f9b', 'tok-3f9a', false],
    ['a prefix of it', 'tok-3f9', 'tok-3f9a', false],
    ['a longer one', 'tok-3f9aa', 'tok-3f9a', false],
    ['the empty string', '', 'tok-3f9a', false],
    ['non-ASCII that matches', 'tök-✓', 'tök-✓', true],
    ['nothing presented', undefined, 'tok-3f9a', false],
  ])('%s', (_why, given, expected, same) => {
    expect(sameSecret(given, expected)).toBe(same);
  });
});
