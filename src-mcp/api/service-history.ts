/** History (git) and schedules for the app: the same engine modules the CLI and MCP use. */
import { runbookAtRevision, runbookHistory } from '../engine/history-runbook.js';
import { listDueRunbooks } from '../engine/schedule-due.js';
import type { ApiHandlers } from './contract.js';
import type { EngineSource } from './session.js';

export function historyHandlers(
  source: EngineSource,
): Pick<ApiHandlers, 'history' | 'historyShow' | 'due'> {
  return {
    history: ({ name }) => runbookHistory(source.engine, name),
    historyShow: ({ name, revision }) => runbookAtRevision(source.engine, name, revision),
    due: () => listDueRunbooks(source.engine),
  };
}
