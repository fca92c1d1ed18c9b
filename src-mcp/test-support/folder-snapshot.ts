/**
 * What hostile-input tests check after every case: no file under a folder was added, removed or
 * changed. Links are recorded by their target and never followed, so a test can watch a folder
 * that a hostile link points into.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Folder-relative path (`/`-separated) → a sha256 of the bytes, `-> target` for a link, `dir/`. */
export type FolderSnapshot = Record<string, string>;

export async function snapshotFolder(dir: string): Promise<FolderSnapshot> {
  const out: FolderSnapshot = {};
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = path.join(dir, child);
      if (entry.isSymbolicLink()) out[child] = `-> ${await fs.readlink(abs)}`;
      else if (entry.isDirectory()) {
        out[`${child}/`] = 'dir';
        await walk(child);
      } else
        out[child] = createHash('sha256')
          .update(await fs.readFile(abs))
          .digest('hex');
    }
  };
  await walk('');
  return out;
}

/** Fails the test, naming the paths, when `dir` is no longer exactly as `before`. */
export async function expectFolderUnchanged(dir: string, before: FolderSnapshot): Promise<void> {
  expect(await snapshotFolder(dir)).toEqual(before);
}
