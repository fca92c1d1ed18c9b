import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const made = new Set<string>();

// Each test file loads its own copy of this module, so this runs when the file that made the
// folders is done: a test never has to remember to clean up what it made here.
afterAll(async () => {
  const folders = [...made];
  made.clear();
  // Retried: a process a test just stopped may still be finishing a write in the folder.
  const remove = (dir: string) =>
    fs.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  await Promise.all(folders.map(remove));
});

/** A fresh, empty folder under the OS temp dir, removed when the test file is done. */
export async function makeTempDir(prefix = 'runbooks-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** A fresh temp folder filled with `files` (relative path → text), removed when the file is done. */
export async function makeFolder(
  files: Record<string, string | Buffer> = {},
  prefix = 'runbooks-',
): Promise<string> {
  const dir = await makeTempDir(prefix);
  await writeFiles(dir, files);
  return dir;
}

export async function writeFiles(
  dir: string,
  files: Record<string, string | Buffer>,
): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
}

/** A temp copy of the bundled example runbooks, removed when the test file is done. */
export async function copyBundledRunbooks(): Promise<string> {
  const dir = await makeTempDir('runbooks-bundled-');
  await fs.cp(path.join(repoRoot, 'runbooks'), dir, { recursive: true });
  return dir;
}
