import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber } from './format-count.js';

describe('formatCount', () => {
  it.each([
    [0, '0 runbooks'],
    [1, '1 runbook'],
    [2, '2 runbooks'],
    [999, '999 runbooks'],
    [1000, '1,000 runbooks'],
    [10_178, '10,178 runbooks'],
    [1_234_567, '1,234,567 runbooks'],
  ])('%i → %s', (n, expected) => {
    expect(formatCount(n, 'runbook')).toBe(expected);
  });

  it('groups digits without a locale', () => {
    expect(formatNumber(125)).toBe('125');
    expect(formatNumber(10_179)).toBe('10,179');
  });
});
