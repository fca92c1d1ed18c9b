import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A fresh folder under the OS temp dir, filled with `files` (relative path → text). */
export async function makeFolder(
  files: Record<string, string | Buffer> = {},
  prefix = 'runbooks-',
): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
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

/** A temp copy of the bundled example runbooks. */
export async function copyBundledRunbooks(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbooks-bundled-'));
  await fs.cp(path.join(repoRoot, 'runbooks'), dir, { recursive: true });
  return dir;
}
