import { promises as fs } from 'node:fs';

/**
 * Writes `text` over `file` and moves its mtime a second past the old one: a change that the
 * file system's timestamp granularity cannot hide, without waiting for the clock to move.
 */
export async function rewriteLater(file: string, text: string): Promise<void> {
  const before = await fs.stat(file);
  await fs.writeFile(file, text);
  const later = new Date(before.mtimeMs + 1000);
  await fs.utimes(file, later, later);
}
