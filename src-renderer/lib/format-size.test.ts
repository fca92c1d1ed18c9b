import { describe, expect, it } from 'vitest';
import { formatSize } from './format-size.js';

describe('formatSize', () => {
  it.each([
    [0, '0 bytes', 'an empty log'],
    [1, '1 byte', 'singular'],
    [274, '274 bytes', 'small logs in exact bytes, not rounded up to 1 KB'],
    [1023, '1023 bytes', 'the last size below a kilobyte'],
    [1024, '1 KB', 'a whole kilobyte drops the .0'],
    [1434, '1.4 KB', 'one decimal under ten'],
    [245_760, '240 KB', 'no decimal from ten up'],
    [5 * 1024 * 1024, '5 MB', 'megabytes'],
  ])('%i bytes → %s (%s)', (bytes, expected) => {
    expect(formatSize(bytes)).toBe(expected);
  });
});
