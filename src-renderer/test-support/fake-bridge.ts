/**
 * A stand-in for the back end under Vitest: an AppBridge whose calls go to handlers typed from the
 * contract (a handler with the wrong arguments or result does not compile), with arguments checked
 * by the contract's own schemas, as the real hosts check them. Events are pushed with `emit`.
 */
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import {
  apiContract,
  isApiMethod,
  type ApiMethod,
  type ApiParsedArgs,
  type ApiResult,
  type AppApi,
  type AppBridge,
  type AppEvent,
  type CallOutcome,
} from '../../src-mcp/api/contract.js';
import { apiOver } from '../lib/api.js';

export type FakeHandlers = {
  [M in ApiMethod]: (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

/** Thrown by a handler: arrives in the renderer as an ApiError with this detail. */
export class FakeRefusal extends Error {
  readonly detail: SerializedRunbookError;

  constructor(detail: Omit<SerializedRunbookError, 'details'> & { details?: unknown[] }) {
    super(detail.message);
    this.detail = { ...detail, details: detail.details ?? [] };
  }
}

export interface FakeCall {
  method: ApiMethod;
  args: unknown;
}

export class FakeBridge implements AppBridge {
  readonly calls: FakeCall[] = [];
  readonly misuses: string[] = [];
  readonly api: AppApi = apiOver(this);
  private readonly listeners = new Set<(event: AppEvent) => void>();
  private readonly handlers: Partial<FakeHandlers>;

  constructor(handlers: Partial<FakeHandlers> = {}) {
    this.handlers = { ...handlers };
  }

  /** Replace (or add) one method's handler mid-test. */
  handle<M extends ApiMethod>(method: M, handler: FakeHandlers[M]): void {
    (this.handlers as Record<M, FakeHandlers[M]>)[method] = handler;
  }

  /** The arguments of every call to `method`, oldest first. */
  argsOf<M extends ApiMethod>(method: M): ApiParsedArgs<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args as ApiParsedArgs<M>);
  }

  async call(method: string, args: unknown): Promise<CallOutcome> {
    if (!isApiMethod(method)) return this.misuse('invalid-argument', `No call named ${method}.`);
    const parsed = apiContract[method].args.safeParse(args);
    if (!parsed.success) {
      return this.misuse('invalid-argument', `${method}: ${parsed.error.message}`);
    }
    this.calls.push({ method, args: parsed.data });
    const handler = this.handlers[method] as ((args: unknown) => unknown) | undefined;
    if (!handler) return this.misuse('unavailable', `The test gave no handler for ${method}.`);
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof FakeRefusal) return { ok: false, error: error.detail };
      throw error;
    }
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * A call the real host would refuse, or one the test did not expect. State classes turn refusals
   * into notices, so these are also kept in `misuses` for the test to assert empty.
   */
  private misuse(code: SerializedRunbookError['code'], message: string): CallOutcome {
    this.misuses.push(message);
    return { ok: false, error: { code, message, details: [] } };
  }
}
