import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';

// Half of a UTF-16 pair with no other half: UTF-8 has no bytes for it, so a write would turn it
// into U+FFFD. Refused here, before anything is sent.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be written to `file` as UTF-8 without changing it, or undefined. */
export function textCannotBeSaved(text: string, file: string): SerializedRunbookError | undefined {
  const match = LONE_SURROGATE.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  return {
    code: 'invalid-argument',
    message: 'The text holds a character that cannot be written as UTF-8; nothing was saved.',
    file,
    line,
    column: match.index - before.lastIndexOf('\n'),
    details: [],
    fix: 'Delete or retype the character at that place, then save again.',
  };
}
