import { nodeCrypto } from './lazy-crypto.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see the old bytes or the new ones, never half: a temp file in the
 * same folder (same file system, so rename is atomic), flushed, then renamed over the target.
 * Keeps the target's permission bits.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Buffer,
  options: { mode?: number } = {},
): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const mode =
    options.mode ??
    (await fs.stat(target).then(
      (s) => s.mode & 0o7777,
      () => undefined,
    ));
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** A hidden, unique sibling of `target` to write before renaming over it. */
export function tempPathFor(target: string): string {
  const name = `.${path.basename(target)}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(target), name);
}

export async function pathExists(target: string): Promise<boolean> {
  return fs.lstat(target).then(
    () => true,
    () => false,
  );
}

/** `2026-11-25T11-05-33-123Z`: sortable, and legal in Windows file names. */
export function fileTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
