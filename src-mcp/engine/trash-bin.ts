/**
 * The Trash view's file side: what `.trash/<time>/<path>` holds, putting a file back (never over a
 * runbook) and removing one for good (only ever a file inside `.trash/`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError } from './errors.js';
import { pathExists } from './file-ops.js';
import { isRunbookFile, nameFromPath, resolveInside } from './names.js';
import { validateNewRunbookPath } from './new-runbook-name.js';
import { MAX_RUNBOOK_BYTES } from './store-scan.js';
import { parseTimeFolder, TRASH_FOLDER, type TrashReason } from './trash-folder.js';
import { assertRealParentInside, realPathInside } from './write-guards.js';

export interface TrashEntry {
  /** `.trash/<time>/<path>`: what restore and delete forever take. */
  trashPath: string;
  /** Where it came from, folder-relative with its extension. */
  path: string;
  /** The runbook name it had (and gets back on restore). */
  name: string;
  /** When it went to the trash (ISO), read from its folder's name. */
  deletedAt: string;
  /** Deleted, or an earlier text that a save or an overwrite replaced. */
  reason: TrashReason;
  size: number;
}

/** A listing stays small whatever the trash holds; older entries are left to the file manager. */
const MAX_TRASH_LISTED = 2000;

/** Newest first. A missing `.trash/` is an empty trash; links and odd names are skipped. */
export async function listTrash(root: string): Promise<TrashEntry[]> {
  const stamps = await fs.readdir(resolveInside(root, TRASH_FOLDER)).catch(() => [] as string[]);
  const entries: TrashEntry[] = [];
  for (const stamp of stamps.sort().reverse()) {
    const folder = parseTimeFolder(stamp);
    if (!folder) continue;
    for (const relPath of await filesUnder(root, `${TRASH_FOLDER}/${stamp}`, '')) {
      if (entries.length >= MAX_TRASH_LISTED) return entries;
      const stat = await fs.lstat(resolveInside(root, `${TRASH_FOLDER}/${stamp}/${relPath}`));
      entries.push({
        trashPath: `${TRASH_FOLDER}/${stamp}/${relPath}`,
        path: relPath,
        name: nameFromPath(relPath),
        deletedAt: folder.movedAt,
        reason: folder.reason,
        size: stat.size,
      });
    }
  }
  return entries;
}

/** Runbook files (not links) below a trash folder, sorted; `prefix` is the path walked so far. */
async function filesUnder(root: string, base: string, prefix: string): Promise<string[]> {
  const dirents = await fs
    .readdir(resolveInside(root, prefix ? `${base}/${prefix}` : base), { withFileTypes: true })
    .catch(() => []);
  const found: string[] = [];
  for (const d of dirents.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) found.push(...(await filesUnder(root, base, rel)));
    else if (d.isFile() && isRunbookFile(d.name)) found.push(rel);
  }
  return found;
}

/** Splits a trash path into its time folder and the path it came from; anything else is refused. */
function parseTrashPath(trashPath: string): { stamp: string; relPath: string } {
  const normalized = typeof trashPath === 'string' ? trashPath.replace(/\\/g, '/') : '';
  const match = /^\.trash\/([^/]+)\/(.+)$/.exec(normalized);
  const segments = normalized.split('/');
  if (
    !match ||
    !parseTimeFolder(match[1]!) ||
    segments.some((s) => s === '..' || s === '.' || !s)
  ) {
    throw new RunbookError(
      'invalid-name',
      `${JSON.stringify(trashPath)} is not a path inside ${TRASH_FOLDER}/.`,
      { key: 'trashPath', fix: 'Use a trashPath from the Trash listing.' },
    );
  }
  return { stamp: match[1]!, relPath: match[2]! };
}

/** The file in the trash, proven a regular file whose real path is inside `.trash/`. */
async function trashedFile(root: string, trashPath: string): Promise<string> {
  parseTrashPath(trashPath);
  const source = resolveInside(root, trashPath);
  const real = await realPathInside(root, source, trashPath);
  const stat = await fs.lstat(source).catch(() => undefined);
  const trashReal = await fs.realpath(resolveInside(root, TRASH_FOLDER)).catch(() => undefined);
  if (!real || !stat?.isFile() || !trashReal || !real.startsWith(trashReal + path.sep)) {
    throw new RunbookError('not-found', `${trashPath} is not in the trash any more.`, {
      file: trashPath,
      key: 'trashPath',
      fix: 'Refresh the Trash view.',
    });
  }
  return source;
}

/**
 * The text of a trashed file, to compare with the runbook there now. Only ever a file inside
 * `.trash/`, and no bigger than a runbook may be; bytes that are not UTF-8 show as U+FFFD.
 */
export async function readTrashed(root: string, trashPath: string): Promise<string> {
  const source = await trashedFile(root, trashPath);
  const { size } = await fs.stat(source);
  if (size > MAX_RUNBOOK_BYTES) {
    throw new RunbookError(
      'too-large',
      `${trashPath} is ${size} bytes, more than a runbook may be (${MAX_RUNBOOK_BYTES}).`,
      { file: trashPath, key: 'trashPath', fix: 'Open it in another editor.' },
    );
  }
  return new TextDecoder().decode(await fs.readFile(source));
}

/**
 * Moves a trashed file back to where it was, or to `as` (a new runbook name). Never over a file:
 * a taken name is an `exists` error that says to choose another name. Returns the path written.
 */
export async function restoreFromTrash(
  root: string,
  trashPath: string,
  as: string | undefined,
  isTaken: (relPath: string) => boolean,
): Promise<string> {
  const { relPath: original } = parseTrashPath(trashPath);
  const wanted = as === undefined ? original : withExtension(as, original);
  const relPath = validateNewRunbookPath(wanted);
  const source = await trashedFile(root, trashPath);
  const target = resolveInside(root, relPath);
  if (isTaken(relPath) || (await pathExists(target))) {
    throw new RunbookError('exists', `Cannot restore to ${relPath}: a runbook is there now.`, {
      file: relPath,
      key: as === undefined ? 'trashPath' : 'as',
      fix: 'Restore it under another name; the runbook there now is left as it is.',
    });
  }
  await assertRealParentInside(root, target, relPath);
  await fs.rename(source, target);
  await removeEmptyFolders(root, path.dirname(source));
  return relPath;
}

/** Removes one file of the trash for good; nothing outside `.trash/` can be named. */
export async function deleteFromTrash(root: string, trashPath: string): Promise<void> {
  const source = await trashedFile(root, trashPath);
  await fs.unlink(source);
  await removeEmptyFolders(root, path.dirname(source));
}

/** `as` without an extension keeps the trashed file's (`.txt` stays `.txt`). */
function withExtension(as: string, original: string): string {
  return isRunbookFile(as) ? as : `${as}${path.extname(original)}`;
}

/** Tidies the folders a file left, up to and including its time folder, never `.trash/` itself. */
async function removeEmptyFolders(root: string, from: string): Promise<void> {
  const trash = resolveInside(root, TRASH_FOLDER);
  for (let dir = from; dir.startsWith(trash + path.sep); dir = path.dirname(dir)) {
    const left = await fs.readdir(dir).catch(() => ['?']);
    if (left.length > 0) return;
    await fs.rmdir(dir).catch(() => undefined);
  }
}
