import type { RunbookSummary } from '../engine/types.js';

/** A plain summary of a runbook at `path` (its name is the path without extension), for tests. */
export function summaryAt(path: string, overrides: Partial<RunbookSummary> = {}): RunbookSummary {
  const name = path.replace(/\.(md|markdown|txt)$/i, '');
  return {
    name,
    path,
    title: name,
    description: '',
    tags: [],
    variables: [],
    size: 1,
    mtimeMs: 1,
    problems: [],
    ...overrides,
  };
}
