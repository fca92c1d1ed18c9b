import { describe, expect, it } from 'vitest';
import { checkAccelerator, isValidAccelerator } from './accelerator.js';
import { thrownRunbookError } from '../src-mcp/test-support/thrown.js';

describe('checkAccelerator', () => {
  it.each([
    ['CommandOrControl+Shift+R', 'the default'],
    ['Alt+Space', 'a named key'],
    ['Ctrl+Shift+F12', 'a function key'],
    ['Super+num5', 'a numpad key'],
    ['CmdOrCtrl++', 'the plus key written as +'],
    ['Ctrl+Plus', 'the plus key written as Plus'],
    ['ctrl+shift+r', 'case does not matter'],
    [' Alt+/ ', 'surrounding spaces are trimmed'],
  ])('accepts %j (%s)', (accelerator) => {
    expect(isValidAccelerator(accelerator)).toBe(true);
  });

  it.each([
    ['R', 'has no modifier', 'a bare key would be taken from every app'],
    ['Ctrl+Shift', 'is not a key', 'only modifiers'],
    ['Hyper+R', 'is not a modifier', 'unknown modifier'],
    ['Ctrl+Ctrl+R', 'repeats a modifier', 'duplicate modifier'],
    ['Ctrl+F25', 'is not a key', 'no such function key'],
    ['', 'has no modifier', 'empty'],
  ])('refuses %j: %s (%s)', (accelerator, message) => {
    const error = thrownRunbookError(() => checkAccelerator(accelerator));
    expect(error.message).toContain(message);
    expect(error.key).toBe('shortcut');
  });
});
