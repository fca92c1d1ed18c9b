import { toRunbookError } from '../engine/errors.js';
import type { CliIo } from './command.js';

/** Exit code for anything the user can fix. */
export const USER_ERROR = 2;

export function reportError(error: unknown, io: CliIo): number {
  const runbookError = toRunbookError(error);
  io.stderr(`runbook: ${runbookError.describe()}\n`);
  return USER_ERROR;
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
