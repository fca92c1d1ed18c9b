/** History by runbook name, for the faces: the name is resolved in the catalog, inside the folder. */
import type { Engine } from './engine.js';
import type { GitOptions } from './history-git.js';
import {
  checkRevision,
  listHistory,
  showAtRevision,
  type HistoryEntry,
  type HistoryVersion,
} from './history.js';

export interface RunbookHistory {
  name: string;
  entries: HistoryEntry[];
}

export async function runbookHistory(
  engine: Engine,
  name: string,
  options: GitOptions = {},
): Promise<RunbookHistory> {
  const summary = await engine.resolve(name);
  return { name: summary.name, entries: await listHistory(engine.root, summary.path, options) };
}

export async function runbookAtRevision(
  engine: Engine,
  name: string,
  revision: string,
  options: GitOptions = {},
): Promise<HistoryVersion & { name: string }> {
  // Before anything else: a hostile revision never reaches the catalog or git.
  checkRevision(revision);
  const summary = await engine.resolve(name);
  const version = await showAtRevision(engine.root, summary.path, revision, options);
  return { name: summary.name, ...version };
}
