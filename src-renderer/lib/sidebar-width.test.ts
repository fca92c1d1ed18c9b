import { describe, expect, it } from 'vitest';
import {
  parseWidth,
  SIDEBAR_DEFAULT,
  SIDEBAR_MAX,
  SIDEBAR_MIN,
  widthForKey,
} from './sidebar-width.js';

describe('sidebar width', () => {
  it.each([
    ['ArrowRight widens by a step', 300, 'ArrowRight', false, 316],
    ['ArrowLeft narrows by a step', 300, 'ArrowLeft', false, 284],
    ['Shift takes bigger steps', 300, 'ArrowRight', true, 364],
    ['never narrower than the minimum', SIDEBAR_MIN + 4, 'ArrowLeft', false, SIDEBAR_MIN],
    ['never wider than the maximum', SIDEBAR_MAX - 4, 'ArrowRight', false, SIDEBAR_MAX],
    ['Home is the minimum', 300, 'Home', false, SIDEBAR_MIN],
    ['End is the maximum', 300, 'End', false, SIDEBAR_MAX],
    ['other keys are not used', 300, 'Enter', false, undefined],
  ])('%s', (_why, width, key, shift, expected) => {
    expect(widthForKey(width, key, shift)).toBe(expected);
  });

  it.each([
    ['nothing stored', null, SIDEBAR_DEFAULT],
    ['a stored width', '420', 420],
    ['garbage', 'wide', SIDEBAR_DEFAULT],
    ['a width from a bigger screen is clamped', '5000', SIDEBAR_MAX],
  ])('remembered: %s', (_why, stored, expected) => {
    expect(parseWidth(stored)).toBe(expected);
  });
});
