import type { CallOutcome } from '../../src-mcp/api/contract.js';

/**
 * The web host's answers to the page's first calls (HTTP_BOOT_CALLS). Each serves one call with no
 * arguments, once: the next call of that method asks the host, since the folder may have changed.
 * They are only as fresh as the page: the first render, or a change in the folder, ends them all.
 */
export class BootAnswers {
  readonly #answers: Map<string, CallOutcome>;

  constructor(json: string) {
    this.#answers = new Map(Object.entries(parseAnswers(json)));
  }

  take(method: string, args: unknown): CallOutcome | undefined {
    if (
      args !== undefined &&
      (typeof args !== 'object' || args === null || Object.keys(args).length > 0)
    )
      return undefined;
    const answer = this.#answers.get(method);
    this.#answers.delete(method);
    return answer;
  }

  forget(): void {
    this.#answers.clear();
  }
}

function parseAnswers(json: string): Record<string, CallOutcome> {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isRecord ? (value as Record<string, CallOutcome>) : {};
  } catch {
    // A damaged answer costs only time: every call then asks the host.
    return {};
  }
}
