import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError, toRunbookError } from '../engine/errors.js';
import { tempPathFor } from '../engine/file-ops.js';

export interface ConfigFile {
  /** The path the client reads. */
  path: string;
  /** Where the bytes live: the same path, or a symlink's target (dotfile managers link these). */
  target: string;
  exists: boolean;
  text: string;
  /** Permission bits and owner to keep on rewrite. */
  mode?: number;
  uid?: number;
  gid?: number;
}

export async function readConfigFile(file: string): Promise<ConfigFile> {
  const target = await resolveTarget(file);
  if (target === undefined) return { path: file, target: file, exists: false, text: '' };
  try {
    const [bytes, stat] = await Promise.all([fs.readFile(target), fs.stat(target)]);
    return {
      path: file,
      target,
      exists: true,
      text: decodeUtf8(bytes, file),
      mode: stat.mode & 0o7777,
      uid: stat.uid,
      gid: stat.gid,
    };
  } catch (error) {
    throw toRunbookError(error, file);
  }
}

/** The file behind `file` (following links), or undefined when nothing is there yet. */
async function resolveTarget(file: string): Promise<string | undefined> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw toRunbookError(error, file);
  }
  const link = await fs.lstat(file).catch(() => undefined);
  if (!link) return undefined;
  // Writing here would replace the link with a file, cutting it off from where it pointed.
  throw new RunbookError('not-found', 'The config path is a symbolic link to nothing.', {
    file,
    fix: `Create the file it points to (${await fs.readlink(file).catch(() => '?')}) or remove the link; nothing was changed.`,
  });
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0)) {
    throw new RunbookError('invalid-encoding', 'The file looks like UTF-16, not UTF-8 text.', {
      file,
      fix: 'Save it as UTF-8 JSON (or move it aside) and run this again; nothing was changed.',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new RunbookError('invalid-encoding', 'The file is not UTF-8 text.', {
      file,
      fix: 'Save it as UTF-8 JSON (or move it aside) and run this again; nothing was changed.',
      cause: error,
    });
  }
}

/** `2026-11-25T11-05-33Z`: sortable, and valid in file names on every OS. */
function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/** Test seam: runs just before the rename, so a test can make the write fail at its last step. */
export interface WriteHooks {
  beforeRename?: (tempPath: string) => Promise<void>;
}

/**
 * Keeps a timestamped copy of the current file, then replaces it through a temp file in the same
 * folder: a reader (or a crash) sees the old bytes or the new ones, never half a file. On any
 * failure the temp file and the backup are removed and the original is as it was.
 */
export async function writeConfigAtomically(
  file: ConfigFile,
  text: string,
  now = new Date(),
  hooks: WriteHooks = {},
): Promise<{ backupPath?: string }> {
  const folder = path.dirname(file.target);
  await fs.mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw toRunbookError(error, file.path);
  });
  await refuseReadOnly(file, folder);
  const made: string[] = [];
  try {
    const backupPath = file.exists ? await backUp(file, now) : undefined;
    if (backupPath) made.push(backupPath);
    const temp = tempPathFor(file.target);
    made.push(temp);
    await writeTemp(temp, text, file);
    await hooks.beforeRename?.(temp);
    await fs.rename(temp, file.target);
    return { backupPath };
  } catch (error) {
    await Promise.all(made.map((leftover) => fs.rm(leftover, { force: true })));
    throw writeFailed(error, file.path);
  }
}

function writeFailed(error: unknown, file: string): RunbookError {
  if (error instanceof RunbookError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RunbookError('io', `The config file could not be written: ${message}`, {
    file,
    fix: 'It was left exactly as it was; free some space or fix the permissions and run this again.',
    cause: error,
  });
}

/** Root ignores permission bits, so they are checked by hand: a read-only file is the user's "no". */
async function refuseReadOnly(file: ConfigFile, folder: string): Promise<void> {
  const readOnly = async (target: string): Promise<boolean> => {
    const stat = await fs.stat(target);
    if ((stat.mode & 0o222) === 0) return true;
    return fs.access(target, constants.W_OK).then(
      () => false,
      () => true,
    );
  };
  const what = file.exists && (await readOnly(file.target)) ? 'file' : undefined;
  const where = what ?? ((await readOnly(folder)) ? 'folder' : undefined);
  if (!where) return;
  throw new RunbookError('io', `The config ${where} is read-only.`, {
    file: where === 'file' ? file.path : folder,
    fix: `Make the ${where} writable (or add the entry by hand) and run this again; nothing was changed.`,
  });
}

async function writeTemp(temp: string, text: string, file: ConfigFile): Promise<void> {
  const handle = await fs.open(temp, 'wx', file.mode ?? 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (file.mode !== undefined) await fs.chmod(temp, file.mode);
  await keepOwner(temp, file);
}

/** Run as root (sudo, an installer) on a user's file: the file must stay the user's. */
async function keepOwner(target: string, file: ConfigFile): Promise<void> {
  if (file.uid === undefined || file.gid === undefined || process.getuid?.() !== 0) return;
  await fs.chown(target, file.uid, file.gid);
}

async function backUp(file: ConfigFile, now: Date): Promise<string> {
  const base = `${file.target}.bak-${backupStamp(now)}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      await fs.copyFile(file.target, candidate, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
      continue;
    }
    // The backup holds the same settings (and maybe tokens): same owner, same mode as the original.
    await keepOwner(candidate, file).catch(async (error: unknown) => {
      await fs.rm(candidate, { force: true });
      throw error;
    });
    return candidate;
  }
}
