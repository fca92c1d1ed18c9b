import { describe, expect, it } from 'vitest';
import { sameSecret, sha256Hex } from './lazy-crypto.js';

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

describe('sha256Hex', () => {
  it('hashes a string as its UTF-8 bytes', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('tök')).toBe(sha256Hex(new TextEncoder().encode('tök')));
  });
});
