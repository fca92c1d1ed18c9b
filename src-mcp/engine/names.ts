import path from 'node:path';
import { RunbookError } from './errors.js';

/** File extensions that make a runbook, in the order that wins when two files share a name. */
export const RUNBOOK_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

const MAX_NAME_LENGTH = 512;
const MAX_SEGMENT_LENGTH = 200;

export function isRunbookFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return RUNBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function extensionRank(relPath: string): number {
  const lower = relPath.toLowerCase();
  const rank = RUNBOOK_EXTENSIONS.findIndex((ext) => lower.endsWith(ext));
  return rank === -1 ? RUNBOOK_EXTENSIONS.length : rank;
}

/** `docs/redis/README.md` → `docs/redis/README` (separators always `/`). */
export function nameFromPath(relPath: string): string {
  const posix = relPath.split(path.sep).join('/');
  const lower = posix.toLowerCase();
  const ext = RUNBOOK_EXTENSIONS.find((e) => lower.endsWith(e));
  return ext ? posix.slice(0, -ext.length) : posix;
}

export function baseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash === -1 ? name : name.slice(slash + 1);
}

/** What users type: `./docs\redis\README.md` → `docs/redis/README`. */
export function normalizeNameInput(input: string): string {
  let name = input.trim().replace(/\\/g, '/');
  while (name.startsWith('./')) name = name.slice(2);
  return nameFromPath(name);
}

/**
 * Checks a name a user or a model gives for a new runbook and returns its folder-relative file
 * path. Refuses anything that could leave the folder or hide the file from the store.
 */
export function validateNewRunbookPath(input: string): string {
  const fail = (why: string, fix: string): never => {
    throw new RunbookError('invalid-name', `Runbook name ${JSON.stringify(input)} ${why}.`, {
      key: 'name',
      fix,
    });
  };
  if (typeof input !== 'string' || input.trim() === '')
    fail('is empty', 'Give a name such as `deploy/rollback`.');
  if (input.includes('\0')) fail('contains a NUL character', 'Remove it.');
  if (input.length > MAX_NAME_LENGTH)
    fail(`is longer than ${MAX_NAME_LENGTH} characters`, 'Use a shorter name.');
  const slashed = input.trim().replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    fail(
      'is an absolute path',
      'Use a path relative to the runbook folder, such as `deploy/rollback`.',
    );
  }
  const segments = slashed.split('/').filter((s, i) => !(i === 0 && s === '.'));
  for (const segment of segments) {
    if (segment === '') fail('has an empty path segment', 'Remove the doubled or trailing `/`.');
    if (segment === '..' || segment === '.')
      fail('leaves the runbook folder', 'Remove the `..` and `.` segments.');
    if (segment.startsWith('.'))
      fail(
        'has a hidden segment (starting with `.`)',
        'Rename the segment; hidden files are not runbooks.',
      );
    if (segment.length > MAX_SEGMENT_LENGTH) fail('has a segment that is too long', 'Shorten it.');
    if (/[<>:"|?*]/.test(segment) || hasControlCharacter(segment)) {
      fail(
        'has characters that are not allowed in file names (<>:"|?* or control characters)',
        'Remove them.',
      );
    }
  }
  const rel = segments.join('/');
  return isRunbookFile(rel) ? rel : `${rel}.md`;
}

/** Resolves a folder-relative path and proves it stays inside the folder. */
export function resolveInside(root: string, relPath: string): string {
  const absolute = path.resolve(root, relPath);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new RunbookError(
      'path-escape',
      `${JSON.stringify(relPath)} is outside the runbook folder.`,
      {
        file: root,
        key: 'name',
        fix: 'Use a path inside the runbook folder.',
      },
    );
  }
  return absolute;
}

/** Edit distance for "did you mean" suggestions (small strings only). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}
