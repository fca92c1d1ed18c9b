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

/** The RunbookError a promise rejects with; fulfilment or another error fails the test. */
export async function rejectedRunbookError(promise: Promise<unknown>): Promise<RunbookError> {
  const outcome = await promise.then(
    () => new Error('expected a RunbookError, but the call succeeded'),
    (error: unknown) => error,
  );
  if (outcome instanceof RunbookError) return outcome;
  throw outcome instanceof Error ? outcome : new Error(String(outcome));
}
