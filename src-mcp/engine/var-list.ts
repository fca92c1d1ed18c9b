import { RunbookError } from './errors.js';

/**
 * Parses the earlier tool's `k=v,k2=v2` form. A value may contain `=`; a piece without `=` belongs
 * to the value before it, so `hosts=a,b,region=eu` gives hosts `a,b`.
 */
export function parseVarList(text: string, argument = 'vars'): Record<string, string> {
  const vars: Record<string, string> = {};
  let last: string | undefined;
  for (const piece of text.split(',')) {
    const eq = piece.indexOf('=');
    if (eq === -1) {
      if (piece.trim() === '') continue;
      if (last === undefined) {
        throw new RunbookError(
          'invalid-argument',
          `${argument}: ${JSON.stringify(piece)} has no "=".`,
          { key: argument, fix: 'Write variables as name=value, separated by commas.' },
        );
      }
      vars[last] += `,${piece}`;
      continue;
    }
    last = parseAssignment(piece, argument, vars);
  }
  return vars;
}

/** `name=value` (from `--var`); returns the name. */
export function parseAssignment(
  text: string,
  argument: string,
  into: Record<string, string>,
): string {
  const eq = text.indexOf('=');
  const name = eq === -1 ? '' : text.slice(0, eq).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new RunbookError(
      'invalid-argument',
      `${argument}: ${JSON.stringify(text)} is not name=value.`,
      { key: argument, fix: 'Write name=value; names use letters, digits and _.' },
    );
  }
  into[name] = text.slice(eq + 1);
  return name;
}
