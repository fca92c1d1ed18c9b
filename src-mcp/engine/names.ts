import path from 'node:path';
import { RunbookError } from './errors.js';

/** File extensions that make a runbook, in the order that wins when two files share a name. */
export const RUNBOOK_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

export function isRunbookFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return RUNBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function extensionRank(relPath: string): number {
  const lower = relPath.toLowerCase();
  const rank = RUNBOOK_EXTENSIONS.findIndex((ext) => lower.endsWith(ext));
  return rank === -1 ? RUNBOOK_EXTENSIONS.length : rank;
}

const MAX_EXTENSION_LENGTH = Math.max(...RUNBOOK_EXTENSIONS.map((e) => e.length));

/** `docs/redis/README.md` → `docs/redis/README` (separators always `/`). */
export function nameFromPath(relPath: string): string {
  // Called for every file of every scan: only the tail is lower-cased, and only a Windows path split.
  const posix = path.sep === '/' ? relPath : relPath.split(path.sep).join('/');
  const tail = posix.slice(Math.max(0, posix.length - MAX_EXTENSION_LENGTH)).toLowerCase();
  const ext = RUNBOOK_EXTENSIONS.find((e) => tail.endsWith(e));
  return ext ? posix.slice(0, -ext.length) : posix;
}

export function baseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash === -1 ? name : name.slice(slash + 1);
}

/** What users type: `./docs\redis\README.md` → `docs/redis/README`. */
export function normalizeNameInput(input: string): string {
  return nameFromPath(
    input
      .trim()
      .replace(/\\/g, '/')
      .replace(/^(\.\/)+/, ''),
  );
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
