import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError, toRunbookError } from '../engine/errors.js';
import { writeFileAtomic } from '../engine/file-ops.js';

export interface ConfigFile {
  /** The path the client reads. */
  path: string;
  /** Where the bytes live: the same path, or a symlink's target (dotfile managers link these). */
  target: string;
  exists: boolean;
  text: string;
  /** Permission bits to keep on rewrite. */
  mode?: number;
}

export async function readConfigFile(file: string): Promise<ConfigFile> {
  let target: string;
  try {
    target = await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { path: file, target: file, exists: false, text: '' };
    throw toRunbookError(error, file);
  }
  try {
    const [bytes, stat] = await Promise.all([fs.readFile(target), fs.stat(target)]);
    return {
      path: file,
      target,
      exists: true,
      text: decodeUtf8(bytes, file),
      mode: stat.mode & 0o7777,
    };
  } catch (error) {
    throw toRunbookError(error, file);
  }
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new RunbookError('invalid-json', 'The file is not UTF-8 text.', {
      file,
      fix: 'Save it as UTF-8 JSON (or move it aside) and run this again; nothing was changed.',
      cause: error,
    });
  }
}

/** `2026-11-25T11-05-33Z`: sortable, and valid in file names on every OS. */
export function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/**
 * Keeps a timestamped copy of the current file, then replaces it through a temp file in the same
 * folder: a reader (or a crash) sees the old bytes or the new ones, never half a file.
 */
export async function writeConfigAtomically(
  file: ConfigFile,
  text: string,
  now = new Date(),
): Promise<{ backupPath?: string }> {
  try {
    await fs.mkdir(path.dirname(file.target), { recursive: true });
    const backupPath = file.exists ? await backUp(file.target, now) : undefined;
    await writeFileAtomic(file.target, text, { mode: file.mode });
    return { backupPath };
  } catch (error) {
    throw toRunbookError(error, file.path);
  }
}

async function backUp(target: string, now: Date): Promise<string> {
  const base = `${target}.bak-${backupStamp(now)}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      await fs.copyFile(target, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
    }
  }
}
