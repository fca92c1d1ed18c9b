/** The earlier Python tool's `vars` prompt argument: `key=value,key2=value2`. */
import { RunbookError } from '../engine/errors.js';

/**
 * Splits at commas and at the first `=` of each pair (a value may hold `=`). A piece without `=`
 * continues the previous value, so `hosts=a,b` keeps its comma instead of failing.
 */
export function parseVarsArgument(text: string | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  if (!text || text.trim() === '') return vars;
  let lastKey: string | undefined;
  for (const piece of text.split(',')) {
    if (piece.trim() === '') continue;
    const eq = piece.indexOf('=');
    if (eq === -1) {
      if (lastKey === undefined) throw malformed(text, piece);
      vars[lastKey] = `${vars[lastKey] ?? ''},${piece.trim()}`;
      continue;
    }
    const key = piece.slice(0, eq).trim();
    if (key === '') throw malformed(text, piece);
    vars[key] = piece.slice(eq + 1).trim();
    lastKey = key;
  }
  return vars;
}

function malformed(text: string, piece: string): RunbookError {
  return new RunbookError(
    'invalid-argument',
    `Cannot read ${JSON.stringify(piece.trim())} in vars ${JSON.stringify(text)}.`,
    {
      key: 'vars',
      fix: 'Write vars as key=value pairs separated by commas, such as `service=api,namespace=prod`.',
    },
  );
}
