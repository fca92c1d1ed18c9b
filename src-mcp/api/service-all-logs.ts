/**
 * Logs across all runbooks, newest first, with each run's outcome from its receipt. Log folders
 * are named from runbook names (one-way), so the folder's runbooks are matched against them.
 */
import { promises as fs } from 'node:fs';
import { logFolderName } from '../engine/logs.js';
import { splitReceipt } from '../engine/receipt.js';
import type { LogEntry } from '../engine/types.js';
import type { ApiHandlers, LogOverview } from './contract.js';
import type { EngineSource } from './session.js';

const DEFAULT_LIMIT = 200;
const EXCERPT_CHARS = 160;

export function allLogsHandlers(source: EngineSource): Pick<ApiHandlers, 'logsAll'> {
  return {
    logsAll: async ({ limit }) => {
      const { engine } = source;
      const summaries = await engine.list();
      const folders = new Set(await fs.readdir(engine.logsDir).catch(() => [] as string[]));
      const titles = new Map(summaries.map((s) => [s.name, s.title]));
      const withLogs = summaries.filter((s) => folders.has(logFolderName(s.name)));
      const lists = await Promise.all(withLogs.map((s) => engine.listLogs(s.name)));
      const newest = lists
        .flat()
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
        .slice(0, limit ?? DEFAULT_LIMIT);
      // Read back through the engine: a log is redacted again whenever it is read.
      return Promise.all(
        newest.map(async (entry) =>
          overview(
            entry,
            titles.get(entry.runbook),
            await engine.readLog(entry.runbook, entry.id).catch(() => ''),
          ),
        ),
      );
    },
  };
}

function overview(entry: LogEntry, title: string | undefined, text: string): LogOverview {
  const { receipt, rest } = splitReceipt(text);
  const excerpt = rest
    .split('\n')
    .map((line) => line.trim())
    // The log's own header (title, runbook, time) says nothing the row does not.
    .filter((line) => line && !line.startsWith('#') && !/^(-{3,}|- (Runbook|Written):)/.test(line))
    .join(' ')
    .slice(0, EXCERPT_CHARS);
  return {
    ...entry,
    ...(title ? { title } : {}),
    ...(receipt?.outcome ? { outcome: receipt.outcome } : {}),
    ...(receipt?.profile ? { profile: receipt.profile } : {}),
    excerpt,
  };
}
