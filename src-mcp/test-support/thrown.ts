import { RunbookError } from '../engine/errors.js';

/** The RunbookError that `fn` throws; anything else, or nothing, fails the test. */
export function thrownRunbookError(fn: () => unknown): RunbookError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RunbookError) return err;
    throw err;
  }
  throw new Error('expected a RunbookError');
}
