/** `.trash/<time>/<path>`: where deleted runbooks and replaced text go, recoverable by hand. */
import { promises as fs } from 'node:fs';
import { RunbookError } from './errors.js';
import { fileTimestamp, pathExists } from './file-ops.js';
import { resolveInside } from './names.js';
import { assertRealParentInside } from './write-guards.js';

export const TRASH_FOLDER = '.trash';
const MAX_SAME_MS = 100;

/**
 * Why a file is in the trash. The time folder says it, so that the Trash view can tell a deleted
 * runbook from an earlier text of one that is still there: `<time>-replaced` holds text a save or
 * an overwrite replaced (older trashes, without the suffix, read as deleted).
 */
export type TrashReason = 'deleted' | 'replaced';
const REPLACED = '-replaced';
const TIME_FOLDER = new RegExp(
  String.raw`^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z(?:-\d+)?(${REPLACED})?$`,
);

/** What a time folder's name says: when (ISO) and why; undefined for any other name. */
export function parseTimeFolder(
  name: string,
): { movedAt: string; reason: TrashReason } | undefined {
  const m = TIME_FOLDER.exec(name);
  if (!m) return undefined;
  return {
    movedAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`,
    reason: m[6] ? 'replaced' : 'deleted',
  };
}

/** A free `.trash/<time>/<path>`, with `-1`, `-2`… after the time when two land in one millisecond. */
export async function freeTrashPath(
  root: string,
  relPath: string,
  reason: TrashReason = 'deleted',
): Promise<string> {
  const stamp = fileTimestamp();
  const suffix = reason === 'replaced' ? REPLACED : '';
  for (let n = 0; n < MAX_SAME_MS; n++) {
    const trashRel = `${TRASH_FOLDER}/${stamp}${n ? `-${n}` : ''}${suffix}/${relPath}`;
    if (!(await pathExists(resolveInside(root, trashRel)))) return trashRel;
  }
  throw new RunbookError('io', `Too many copies of ${relPath} in ${TRASH_FOLDER}/ at ${stamp}.`, {
    file: relPath,
    fix: 'Wait a moment and try again.',
  });
}

/** Copies text about to be replaced into the trash (never over another copy); returns where. */
export async function keepCopyInTrash(
  root: string,
  relPath: string,
  bytes: Buffer,
): Promise<string> {
  const trashRel = await freeTrashPath(root, relPath, 'replaced');
  const target = resolveInside(root, trashRel);
  await assertRealParentInside(root, target, trashRel);
  await fs.writeFile(target, bytes, { flag: 'wx' });
  return trashRel;
}
