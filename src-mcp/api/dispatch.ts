/**
 * The one place a call arrives by name, from HTTP or IPC: check the method, validate the arguments
 * against the contract, run the handler, and wrap any failure as a SerializedRunbookError.
 */
import type { z } from 'zod';
import { RunbookError, toRunbookError } from '../engine/errors.js';
import {
  API_METHODS,
  apiContract,
  isApiMethod,
  type ApiHandlers,
  type ApiMethod,
  type CallOutcome,
} from './contract.js';

export async function dispatchCall(
  handlers: ApiHandlers,
  method: string,
  rawArgs: unknown,
): Promise<CallOutcome> {
  try {
    if (!isApiMethod(method)) throw unknownMethod(method);
    return { ok: true, value: await invoke(handlers, method, rawArgs ?? {}) };
  } catch (error) {
    return { ok: false, error: toRunbookError(error).toJSON() };
  }
}

async function invoke<M extends ApiMethod>(
  handlers: ApiHandlers,
  method: M,
  rawArgs: unknown,
): Promise<unknown> {
  const schema: z.ZodType = apiContract[method].args;
  const parsed = schema.safeParse(rawArgs);
  if (!parsed.success) throw invalidArguments(method, parsed.error);
  const handler = handlers[method] as (args: unknown) => Promise<unknown>;
  return handler(parsed.data);
}

function unknownMethod(method: string): RunbookError {
  return new RunbookError('invalid-argument', `There is no API call named "${method}".`, {
    key: method,
    fix: `Use one of: ${API_METHODS.join(', ')}.`,
  });
}

function invalidArguments(method: string, error: z.ZodError): RunbookError {
  const issue = error.issues[0];
  const key = issue?.path.join('.') || undefined;
  return new RunbookError(
    'invalid-argument',
    `Invalid arguments for ${method}: ${issue?.message ?? 'unexpected shape'}${key ? ` (at ${key})` : ''}.`,
    {
      key,
      fix: 'Send the arguments the API contract (src-mcp/api/contract.ts) describes.',
      details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    },
  );
}

/** HTTP status for a failed call, so logs and devtools read naturally. */
export function httpStatusFor(outcome: CallOutcome): number {
  if (outcome.ok) return 200;
  switch (outcome.error.code) {
    case 'not-found':
      return 404;
    case 'conflict':
    case 'exists':
      return 409;
    case 'io':
    case 'unavailable':
    case 'timeout':
      return 500;
    default:
      return 400;
  }
}
