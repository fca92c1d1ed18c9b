/**
 * One log file: its id (when it was written, `2026-11-25T11-05-33.123Z.md`), its header, and a
 * write that never overwrites another log.
 */
import { nodeCrypto } from './lazy-crypto.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError, toRunbookError } from './errors.js';
import { pathExists } from './file-ops.js';

/** `2026-11-25T11-05-33.123Z.md`, or `…Z-2.md` for the third log in the same millisecond. */
const LOG_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)(?:-(\d{1,4}))?\.md$/;
const MAX_SAME_MS = 1000;

export function isLogId(name: string): boolean {
  return LOG_ID.test(name);
}

export function timestampOf(now: Date): string {
  return now.toISOString().replace(/:/g, '-');
}

export function createdAtOf(id: string): string {
  const stamp = LOG_ID.exec(id)?.[1] ?? '';
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3');
}

export function compareIdsNewestFirst(a: string, b: string): number {
  const [, stampA = '', countA = '0'] = LOG_ID.exec(a) ?? [];
  const [, stampB = '', countB = '0'] = LOG_ID.exec(b) ?? [];
  if (stampA !== stampB) return stampA < stampB ? 1 : -1;
  return Number(countB) - Number(countA);
}

export function checkId(id: string, folder: string): string {
  if (LOG_ID.test(id)) return id;
  throw new RunbookError('invalid-name', `"${id}" is not a log id.`, {
    file: folder,
    key: id,
    fix: 'Use an id as listed for the runbook, like 2026-11-25T11-05-33.123Z.md.',
  });
}

export function formatLog(runbook: string, now: Date, text: string): string {
  // Control characters in a name would break the header's lines; show them escaped instead.
  const name = runbook.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `# Execution log: ${name}\n\n- Runbook: ${name}\n- Written: ${now.toISOString()}\n\n---\n\n${body}`;
}

/**
 * Writes to a temp file, then hard-links it to the first free id: `link` fails if the name is
 * taken, so two writers in the same millisecond (app and MCP server) never overwrite each other,
 * and a reader never sees half a log.
 */
export async function writeUnique(folder: string, stamp: string, content: string): Promise<string> {
  const temp = path.join(
    folder,
    `.tmp-${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}`,
  );
  await fs.writeFile(temp, content, { flag: 'wx' });
  try {
    for (let count = 0; count < MAX_SAME_MS; count++) {
      const id = count === 0 ? `${stamp}.md` : `${stamp}-${count}.md`;
      if (await claim(temp, path.join(folder, id))) return id;
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
  throw new RunbookError('io', `Too many logs written at ${stamp}.`, {
    file: folder,
    fix: 'Wait a moment and write the log again.',
  });
}

async function claim(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS')
      throw toRunbookError(error, target);
  }
  // No hard links here (FAT, some network shares): check, then rename; the race window is tiny.
  if (await pathExists(target)) return false;
  await fs.rename(temp, target);
  return true;
}
