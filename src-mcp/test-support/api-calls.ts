/**
 * Calls the app API's handlers through the same dispatch both transports use (arguments checked
 * by the contract's schemas): `call` unwraps the answer, `failure` the refusal a caller would see.
 */
import type { ApiHandlers, ApiMethod, ApiResult } from '../api/contract.js';
import { dispatchCall } from '../api/dispatch.js';
import type { SerializedRunbookError } from '../engine/errors.js';

export interface ApiCaller {
  call<M extends ApiMethod>(method: M, args?: unknown): Promise<ApiResult<M>>;
  failure(method: string, args: unknown): Promise<SerializedRunbookError>;
}

/** `handlers` is read at each call: test files make new ones in `beforeEach`. */
export function apiCaller(handlers: () => ApiHandlers): ApiCaller {
  return {
    async call(method, args = {}) {
      const outcome = await dispatchCall(handlers(), method, args);
      if (!outcome.ok) {
        throw Object.assign(new Error(outcome.error.message), { detail: outcome.error });
      }
      return outcome.value as ApiResult<typeof method>;
    },
    async failure(method, args) {
      const outcome = await dispatchCall(handlers(), method, args);
      if (outcome.ok) throw new Error(`${method} should have failed`);
      return outcome.error;
    },
  };
}
