/**
 * Checks every write, move and delete passes before it touches the disk: nothing goes through a
 * symlink to outside the runbook folder, and no text that is not UTF-8 is replaced (the app shows
 * such a file with U+FFFD in place of the bad bytes, so saving it back would lose them).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError } from './errors.js';
import { pathExists } from './file-ops.js';
import { isInsideReal } from './folder-boundary.js';

/**
 * The real path of an existing file or folder, proven inside the real root; `undefined` when
 * nothing is there (a dangling link counts as nothing: a write replaces the link, never its target).
 */
export async function realPathInside(
  root: string,
  absolute: string,
  relPath: string,
): Promise<string | undefined> {
  const real = await fs.realpath(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (real !== undefined && !isInsideReal(await fs.realpath(root), real)) throw escape(relPath);
  return real;
}

/**
 * A symlinked folder inside the runbook folder must not carry a write outside it: the deepest
 * folder that exists is checked, then the missing ones are created.
 */
export async function assertRealParentInside(
  root: string,
  target: string,
  relPath: string,
): Promise<void> {
  let existing = path.dirname(target);
  while (!(await pathExists(existing))) existing = path.dirname(existing);
  await realPathInside(root, existing, relPath);
  await fs.mkdir(path.dirname(target), { recursive: true });
}

/** The bytes of a file about to be replaced, refused when they are not valid UTF-8. */
export async function readUtf8Bytes(real: string, relPath: string): Promise<Buffer> {
  const bytes = await fs.readFile(real);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RunbookError(
      'invalid-encoding',
      `${relPath} is not valid UTF-8 text; saving here would replace its other bytes, so nothing was written.`,
      {
        file: relPath,
        fix: 'Convert the file to UTF-8 in another editor (e.g. `iconv -f latin1 -t utf-8`), then edit it here.',
      },
    );
  }
  return bytes;
}

function escape(relPath: string): RunbookError {
  return new RunbookError(
    'path-escape',
    `${relPath} leads outside the runbook folder through a symlink; nothing was changed.`,
    {
      file: relPath,
      key: 'name',
      fix: 'Change or remove that link outside the app, or use a path that does not go through it.',
    },
  );
}
