/** Small, complete values of the contract's types, for the fake bridge's handlers. */
import type { RunbookBrief, RunbookList } from '../../src-mcp/api/contract.js';
import type { Runbook, RunbookSummary, SearchHit } from '../../src-mcp/engine/types.js';

/** The sidebar's list of these runbooks, as a host that has told no change gives it. */
export function listOf(names: string[], revision = 'host.0'): RunbookList {
  return { revision, runbooks: names.map((name): RunbookBrief => ({ name, title: name })) };
}

export function summaryOf(name: string, mtimeMs = 1000): RunbookSummary {
  return {
    name,
    path: `${name}.md`,
    title: name,
    description: '',
    tags: [],
    variables: [],
    size: 0,
    mtimeMs,
    problems: [],
  };
}

export function runbookOf(name: string, content: string, mtimeMs = 1000): Runbook {
  return { ...summaryOf(name, mtimeMs), size: content.length, content, body: content, bodyLine: 1 };
}

/** Lets the promise callbacks queued so far run (a state method that was not awaited). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

export function hitOf(name: string): SearchHit {
  return { name, title: name, tags: [], score: 1, snippet: '', terms: [] };
}

/** A promise the test resolves when it chooses: answers that arrive out of order. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
