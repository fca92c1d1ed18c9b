/** `.trash/<time>/<path>`: where deleted runbooks and replaced text go, recoverable by hand. */
import { promises as fs } from 'node:fs';
import { RunbookError } from './errors.js';
import { fileTimestamp, pathExists } from './file-ops.js';
import { resolveInside } from './names.js';
import { assertRealParentInside } from './write-guards.js';

export const TRASH_FOLDER = '.trash';
const MAX_SAME_MS = 100;

/** A free `.trash/<time>/<path>`, with `-1`, `-2`… after the time when two land in one millisecond. */
export async function freeTrashPath(root: string, relPath: string): Promise<string> {
  const stamp = fileTimestamp();
  for (let n = 0; n < MAX_SAME_MS; n++) {
    const trashRel = `${TRASH_FOLDER}/${stamp}${n ? `-${n}` : ''}/${relPath}`;
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
  const trashRel = await freeTrashPath(root, relPath);
  const target = resolveInside(root, trashRel);
  await assertRealParentInside(root, target, trashRel);
  await fs.writeFile(target, bytes, { flag: 'wx' });
  return trashRel;
}
