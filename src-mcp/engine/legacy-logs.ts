/**
 * Logs of the earlier Python tool, kept where it wrote them so they stay readable after a
 * migration: `<logs dir>/<runbook name>_<YYYY-MM-DD_HH:MM:SS>.log`, flat in the folder. Its runbook
 * name was the file's base name (no folder, no extension), so `deploy/rollback` owns
 * `rollback_….log` as well as `deploy/rollback`'s own logs. They are only read, never written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError, toRunbookError } from './errors.js';
import type { LogEntry } from './types.js';

const LEGACY_ID = /^([^/\\]+)_(\d{4})-(\d{2})-(\d{2})_(\d{2}):(\d{2}):(\d{2})\.log$/;

export function isLegacyLogId(id: string): boolean {
  return LEGACY_ID.test(id);
}

/** Newest first; an empty list when the folder does not exist. */
export async function listLegacyLogs(dir: string, runbook: string): Promise<LogEntry[]> {
  let files: string[];
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw toRunbookError(error, dir);
  }
  const ids = files.filter((id) => belongsTo(id, runbook));
  const entries = await Promise.all(ids.map((id) => entryOf(dir, runbook, id)));
  return entries
    .filter((entry): entry is LogEntry => entry !== undefined)
    .sort((a, b) => compareNewestFirst(a.createdAt, b.createdAt));
}

export async function readLegacyLog(dir: string, runbook: string, id: string): Promise<string> {
  const file = path.join(dir, id);
  if (belongsTo(id, runbook)) {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toRunbookError(error, file);
    }
  }
  throw new RunbookError('not-found', `No log "${id}" for runbook "${runbook}".`, {
    file: dir,
    key: id,
    fix: 'List the logs of this runbook and pick one of their ids.',
  });
}

export function compareNewestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function belongsTo(id: string, runbook: string): boolean {
  const owner = LEGACY_ID.exec(id)?.[1];
  return owner !== undefined && (owner === runbook || owner === path.posix.basename(runbook));
}

async function entryOf(dir: string, runbook: string, id: string): Promise<LogEntry | undefined> {
  const createdAt = createdAtOf(id);
  if (!createdAt) return undefined;
  try {
    const stat = await fs.stat(path.join(dir, id));
    return { id, runbook, createdAt, size: stat.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw toRunbookError(error, path.join(dir, id));
  }
}

/** The earlier tool wrote `datetime.now()`: local time, without a zone. */
function createdAtOf(id: string): string | undefined {
  const [, , ...parts] = LEGACY_ID.exec(id) ?? [];
  const [year, month, day, hour, minute, second] = parts.map(Number);
  if (year === undefined || month === undefined || second === undefined) return undefined;
  const time = new Date(year, month - 1, day, hour, minute, second);
  // 2025-13-40 rolls over into another date: not a time the tool wrote.
  return time.getMonth() === month - 1 && time.getDate() === day ? time.toISOString() : undefined;
}
