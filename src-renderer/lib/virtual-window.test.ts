import { describe, expect, it } from 'vitest';
import { firstRowAt, rowOffsets } from './virtual-window.js';

describe('rowOffsets', () => {
  it('sums heights so the last entry is the whole height', () => {
    expect([...rowOffsets([28, 48, 48], (h) => h)]).toEqual([0, 28, 76, 124]);
    expect([...rowOffsets([], (h: number) => h)]).toEqual([0]);
  });
});

describe('firstRowAt', () => {
  const offsets = rowOffsets([28, 48, 48, 48], (h) => h); // tops: 0, 28, 76, 124; end 172
  it.each([
    [-50, 0, 'above the list: the first row'],
    [0, 0, 'the very top'],
    [27.9, 0, 'inside the first row'],
    [28, 1, 'exactly at a row top: that row'],
    [100, 2, 'inside a middle row'],
    [171, 3, 'inside the last row'],
    [10_000, 3, 'below the list: the last row'],
  ])('y=%d is row %d (%s)', (y, row) => {
    expect(firstRowAt(offsets, y)).toBe(row);
  });
  it('an empty list has row 0', () => {
    expect(
      firstRowAt(
        rowOffsets([], (h: number) => h),
        100,
      ),
    ).toBe(0);
  });
});
