/**
 * Execution logs on disk: `<dir>/<runbook folder>/<timestamp>.md`, one file per log, written
 * atomically. The folder name is derived from the runbook name so that any name, however hostile,
 * lands in exactly one folder inside `dir`.
 */
import { sha256Hex } from './lazy-crypto.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError, toRunbookError } from './errors.js';
import {
  checkId,
  compareIdsNewestFirst,
  createdAtOf,
  formatLog,
  isLogId,
  timestampOf,
  writeUnique,
} from './log-files.js';
import { compareNewestFirst, isLegacyLogId, listLegacyLogs, readLegacyLog } from './legacy-logs.js';
import { formatReceipt, outcomeOf, type Receipt } from './receipt.js';
import { redact } from './redact.js';
import type { LogEntry } from './types.js';

const SLUG_MAX = 60;
/** Enough of a log's head to hold its receipt's outcome line. */
const HEAD_BYTES = 4096;
/** How many logs, newest first, are looked at for the last successful run. */
const MAX_SCANNED_FOR_SUCCESS = 200;

/** What the engine knows of a run when its log is written; the store adds the name and end time. */
export type ReceiptDraft = Omit<Receipt, 'runbook' | 'endedAt'>;

export class LogStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /**
   * Text (and the receipt's values) must already be redacted by the caller; credential shapes are
   * redacted again here, in the receipt too. The receipt, when given, heads the file.
   */
  async append(
    runbook: string,
    text: string,
    now: Date = new Date(),
    receipt?: ReceiptDraft,
  ): Promise<LogEntry> {
    if (Number.isNaN(now.getTime())) {
      throw new RunbookError('invalid-argument', 'The log time is not a valid date.', {
        key: 'now',
        fix: 'Pass a valid Date, or leave it out to use the current time.',
      });
    }
    const folder = this.folderOf(runbook);
    await fs.mkdir(folder, { recursive: true });
    const head = receipt
      ? redact(formatReceipt({ ...receipt, runbook, endedAt: now.toISOString() }), [])
      : '';
    const content = head + formatLog(runbook, now, redact(text, []));
    const id = await writeUnique(folder, timestampOf(now), content);
    return { id, runbook, createdAt: now.toISOString(), size: Buffer.byteLength(content) };
  }

  /**
   * Newest first, by the time in the file name (mtime changes when files are copied), with the
   * earlier Python tool's logs in the same folder merged in.
   */
  async list(runbook: string): Promise<LogEntry[]> {
    const [own, legacy] = await Promise.all([
      this.listOwn(runbook),
      listLegacyLogs(this.dir, runbook),
    ]);
    if (legacy.length === 0) return own;
    return [...own, ...legacy].sort((a, b) => compareNewestFirst(a.createdAt, b.createdAt));
  }

  private async listOwn(runbook: string): Promise<LogEntry[]> {
    const folder = this.folderOf(runbook);
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if (isMissing(error)) return [];
      throw toRunbookError(error, folder);
    }
    const ids = names.filter(isLogId).sort(compareIdsNewestFirst);
    const entries = await Promise.all(ids.map((id) => this.entryOf(runbook, folder, id)));
    return entries.filter((entry): entry is LogEntry => entry !== undefined);
  }

  async read(runbook: string, id: string): Promise<string> {
    if (isLegacyLogId(id)) return readLegacyLog(this.dir, runbook, id);
    const folder = this.folderOf(runbook);
    const file = path.join(folder, checkId(id, folder));
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if (!isMissing(error)) throw toRunbookError(error, file);
      throw new RunbookError('not-found', `No log "${id}" for runbook "${runbook}".`, {
        file: folder,
        key: id,
        fix: 'List the logs of this runbook and pick one of their ids.',
      });
    }
  }

  async latest(runbook: string): Promise<{ entry: LogEntry; text: string } | undefined> {
    const [entry] = await this.list(runbook);
    if (!entry) return undefined;
    return { entry, text: await this.read(runbook, entry.id) };
  }

  /**
   * The example of a past run: the newest log whose receipt says success, else the newest log
   * (logs without a receipt, and the earlier tool's, have no outcome).
   */
  async pastRun(runbook: string): Promise<{ entry: LogEntry; text: string } | undefined> {
    const entries = await this.list(runbook);
    const own = entries.filter((e) => !isLegacyLogId(e.id)).slice(0, MAX_SCANNED_FOR_SUCCESS);
    for (const entry of own) {
      if (outcomeOf(await this.head(runbook, entry.id)) !== 'success') continue;
      return { entry, text: await this.read(runbook, entry.id) };
    }
    const [newest] = entries;
    return newest && { entry: newest, text: await this.read(runbook, newest.id) };
  }

  /** The first bytes of one of our logs; '' when it is gone. */
  private async head(runbook: string, id: string): Promise<string> {
    const folder = this.folderOf(runbook);
    const file = path.join(folder, checkId(id, folder));
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(file, 'r');
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } catch (error) {
      if (isMissing(error)) return '';
      throw toRunbookError(error, file);
    } finally {
      await handle?.close();
    }
  }

  private folderOf(runbook: string): string {
    return path.join(this.dir, logFolderName(runbook));
  }

  private async entryOf(
    runbook: string,
    folder: string,
    id: string,
  ): Promise<LogEntry | undefined> {
    try {
      const stat = await fs.stat(path.join(folder, id));
      return { id, runbook, createdAt: createdAtOf(id), size: stat.size };
    } catch (error) {
      // Deleted between readdir and stat: it is simply no longer in the list.
      if (isMissing(error)) return undefined;
      throw toRunbookError(error, path.join(folder, id));
    }
  }
}

/**
 * One folder per runbook name: a readable ASCII slug plus a hash of the exact name, so names that
 * slug alike (`a/b`, `a:b`, `A/B` on a case-insensitive disk) never share a folder, and nothing
 * (`..`, `/`, `\`, `:`, NUL, `CON`, trailing dots) can reach outside `dir` or trip Windows.
 */
export function logFolderName(runbook: string): string {
  if (runbook === '') {
    throw new RunbookError('invalid-name', 'A log needs a runbook name.', {
      key: 'runbook',
      fix: 'Pass the name of the runbook the log belongs to.',
    });
  }
  const slug = runbook
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, SLUG_MAX)
    .replace(/[.-]+$/, '');
  const hash = sha256Hex(runbook).slice(0, 12);
  return `${slug || 'runbook'}-${hash}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
