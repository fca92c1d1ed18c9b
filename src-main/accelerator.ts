/**
 * Checks a global-shortcut string against Electron's accelerator grammar before it reaches
 * `globalShortcut.register`, which only answers "false" and never says what was wrong.
 */
import { RunbookError } from '../src-mcp/engine/errors.js';

const MODIFIERS = new Set(
  [
    'Command',
    'Cmd',
    'Control',
    'Ctrl',
    'CommandOrControl',
    'CmdOrCtrl',
    'Alt',
    'Option',
    'AltGr',
    'Shift',
    'Super',
    'Meta',
  ].map((m) => m.toLowerCase()),
);

const NAMED_KEYS = new Set(
  [
    'Plus',
    'Space',
    'Tab',
    'Capslock',
    'Numlock',
    'Scrolllock',
    'Backspace',
    'Delete',
    'Insert',
    'Return',
    'Enter',
    'Up',
    'Down',
    'Left',
    'Right',
    'Home',
    'End',
    'PageUp',
    'PageDown',
    'Escape',
    'Esc',
    'VolumeUp',
    'VolumeDown',
    'VolumeMute',
    'MediaNextTrack',
    'MediaPreviousTrack',
    'MediaStop',
    'MediaPlayPause',
    'PrintScreen',
    'numdec',
    'numadd',
    'numsub',
    'nummult',
    'numdiv',
  ].map((k) => k.toLowerCase()),
);

const PUNCTUATION = new Set([...')!@#$%^&*(:;+=<,_->.?/~`{]}[|\\\'"']);

function isKey(part: string): boolean {
  const lower = part.toLowerCase();
  if (/^[a-z0-9]$/.test(lower) || PUNCTUATION.has(part)) return true;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(lower) || /^num[0-9]$/.test(lower)) return true;
  return NAMED_KEYS.has(lower);
}

/**
 * A global shortcut needs at least one modifier: a bare key would be taken from every other app.
 * Returns the accelerator trimmed; throws invalid-argument naming the part at fault.
 */
export function checkAccelerator(accelerator: string): string {
  const text = accelerator.trim();
  const parts = text.split('+');
  // "Ctrl++" means Ctrl and the plus key: the split leaves two empty parts at the end.
  if (text.endsWith('++')) parts.splice(-2, 2, '+');
  const key = parts.pop() ?? '';
  const fail = (message: string) =>
    new RunbookError('invalid-argument', message, {
      key: 'shortcut',
      fix: 'Use modifiers and one key joined by "+", like CommandOrControl+Shift+R.',
    });
  if (parts.length === 0) throw fail(`The shortcut "${text}" has no modifier key.`);
  const unknown = parts.find((part) => !MODIFIERS.has(part.toLowerCase()));
  if (unknown !== undefined) throw fail(`"${unknown}" in "${text}" is not a modifier key.`);
  if (new Set(parts.map((p) => p.toLowerCase())).size !== parts.length) {
    throw fail(`The shortcut "${text}" repeats a modifier.`);
  }
  if (!isKey(key)) throw fail(`"${key}" in "${text}" is not a key Electron knows.`);
  return text;
}

export function isValidAccelerator(accelerator: string): boolean {
  try {
    checkAccelerator(accelerator);
    return true;
  } catch {
    return false;
  }
}
