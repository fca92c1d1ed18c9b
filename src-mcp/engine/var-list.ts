import { RunbookError } from './errors.js';

export interface VarListOptions {
  /** The argument's name in errors: `vars`, `--vars`. */
  argument?: string;
  /**
   * Drop spaces around values: right for text a person or a model types (`a=1, b=2`), wrong for
   * a shell-quoted `--vars` whose spaces are meant.
   */
  trimValues?: boolean;
}

/**
 * Parses the earlier tool's `k=v,k2=v2` form (the prompt's `vars`, the CLI's `--vars`). Empty or
 * absent means no values. A value may contain `=`; a piece without `=` belongs to the value
 * before it, so `hosts=a,b,region=eu` gives hosts `a,b`.
 */
export function parseVarList(
  text: string | undefined,
  options: VarListOptions = {},
): Record<string, string> {
  const argument = options.argument ?? 'vars';
  const value = (raw: string): string => (options.trimValues ? raw.trim() : raw);
  const vars: Record<string, string> = {};
  let last: string | undefined;
  for (const piece of (text ?? '').split(',')) {
    if (piece.trim() === '') continue;
    if (piece.includes('=')) {
      last = parseAssignment(piece, argument, vars);
      vars[last] = value(vars[last]!);
    } else if (last === undefined) {
      throw notAssignment(argument, piece);
    } else {
      vars[last] += `,${value(piece)}`;
    }
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
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw notAssignment(argument, text);
  into[name] = text.slice(eq + 1);
  return name;
}

function notAssignment(argument: string, piece: string): RunbookError {
  return new RunbookError(
    'invalid-argument',
    `${argument}: ${JSON.stringify(piece.trim())} is not key=value.`,
    {
      key: argument,
      fix: 'Write key=value pairs separated by commas, such as `service=api,namespace=prod`; keys use letters, digits and _.',
    },
  );
}
