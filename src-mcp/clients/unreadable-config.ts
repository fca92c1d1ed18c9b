/**
 * The one recovery for a client config that cannot be read (invalid JSON, JSONC where the client
 * reads plain JSON, not UTF-8, two server maps…): nothing ever writes such a file. Status shows it
 * as `invalid` with the reason, install refuses it with the entry to add by hand, and the CLI
 * reports it with its own code and place.
 */
import { RunbookError, isRunbookError, type SerializedRunbookError } from '../engine/errors.js';

/** The codes of a file nothing will write: shown as `invalid`, with the reason. */
const UNREADABLE_CODES = new Set(['invalid-json', 'invalid-encoding', 'conflict', 'not-found']);

export function isUnreadableConfig(error: unknown): error is RunbookError {
  return isRunbookError(error) && UNREADABLE_CODES.has(error.code);
}

/** The refusal of comments and trailing commas in a file whose client reads plain JSON. */
export function jsoncRefused(where: { file: string; line: number; column: number }): RunbookError {
  return new RunbookError(
    'invalid-json',
    'The file has comments or trailing commas (JSONC), which this client does not read.',
    { ...where, key: 'jsonc', fix: `${JSONC_FIX}, or add the entry by hand; nothing was changed.` },
  );
}

const JSONC_FIX = 'Remove the comments and trailing commas';

/** A JSONC refusal from install shows the exact entry to add by hand; other errors pass as they are. */
export function withManualEntry(error: unknown, snippet: string): unknown {
  if (!isRunbookError(error) || error.key !== 'jsonc') return error;
  return error.withFix(
    `${JSONC_FIX}, or add this entry by hand (nothing was changed):\n${snippet}`,
  );
}

/** The error an `invalid` status carries, to throw again with its own code and place. */
export function unreadableConfigError(
  error: SerializedRunbookError | undefined,
  configPath: string,
): RunbookError {
  return new RunbookError(
    error?.code ?? 'invalid-json',
    error?.message ?? 'The config file is not valid.',
    {
      file: error?.file ?? configPath,
      line: error?.line,
      column: error?.column,
      key: error?.key,
      fix: error?.fix,
    },
  );
}
