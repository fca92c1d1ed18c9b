import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { isInsideReal, outsideSkip } from './folder-boundary.js';
import { isRunbookFile } from './names.js';
import type { Skip } from './types.js';

/** Files larger than this are not runbooks (logs, dumps) and are skipped. */
export const MAX_RUNBOOK_BYTES = 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.trash']);

export function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || name.startsWith('.');
}

/** True when a folder-relative path lies in a folder the store never looks into. */
export function isInSkippedFolder(relPath: string): boolean {
  const segments = relPath.split(/[\\/]/);
  return segments.slice(0, -1).some(isSkippedFolder) || (segments.at(-1) ?? '').startsWith('.');
}

export interface FoundFile {
  /** `/`-separated, relative to the root. */
  relPath: string;
  absPath: string;
}

export interface ScanOptions {
  /** Scan only this folder-relative subfolder (a folder the watcher saw appear). */
  startRel?: string;
  /** Follow links whose real target lies outside the folder (an opt-in setting). */
  followOutsideLinks?: boolean;
}

/** Folders listed between two yields to the event loop (a few milliseconds of work). */
const WALK_BATCH = 64;

/**
 * Lists candidate runbook files under `root`. Follows symlinked folders but remembers each real
 * folder it entered, so a symlink loop ends instead of hanging. A link (file or folder) whose real
 * target lies outside the folder is skipped, unless `followOutsideLinks`.
 *
 * Synchronous calls, yielding every few folders: at 2,000 folders the promise round trips cost
 * more than the calls. Only links are resolved (`realpath`): a plain subfolder's real path is its
 * parent's plus its name.
 */
export async function findRunbookFiles(
  root: string,
  skips: Skip[],
  options: ScanOptions = {},
): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    skips.push({ path: '.', reason: 'unreadable', detail: String(error) });
    return found;
  }
  const outside = (real: string): boolean =>
    !options.followOutsideLinks && !isInsideReal(realRoot, real);
  // Folders to list: folder-relative path, and its real path when known without asking.
  const pending: Array<{ relDir: string; real?: string }> = [{ relDir: options.startRel ?? '' }];
  for (let listed = 0; pending.length > 0; listed++) {
    if (listed > 0 && listed % WALK_BATCH === 0) await new Promise((r) => setImmediate(r));
    const { relDir, real: known } = pending.pop() ?? { relDir: '' };
    const absDir = path.join(root, relDir);
    let real: string;
    try {
      real = known ?? realpathSync(absDir);
    } catch (error) {
      skips.push({ path: relDir || '.', reason: 'unreadable', detail: String(error) });
      continue;
    }
    // A plain subfolder of a folder inside is inside: only folders reached by a link are checked.
    if (known === undefined && outside(real)) {
      skips.push(outsideSkip(relDir, real));
      continue;
    }
    if (seen.has(real)) {
      if (relDir)
        skips.push({ path: relDir, reason: 'symlink-loop', detail: `already visited as ${real}` });
      continue;
    }
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      skips.push({ path: relDir || '.', reason: 'unreadable', detail: (error as Error).message });
      continue;
    }
    // Joined by hand: path.join normalizes again for each of 10,000 entries, and these are normal.
    const absPrefix = withSeparator(absDir);
    const realPrefix = withSeparator(real);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        const link = absPrefix + entry.name;
        const target = statQuietly(link);
        const isFile = (target?.isFile() ?? false) && isRunbookFile(entry.name);
        if (target?.isDirectory() && !isSkippedFolder(entry.name)) pending.push({ relDir: rel });
        if (!isFile) continue;
        // A folder link is checked when walked; a file link here, before anything reads it.
        const linkReal = realpathQuietly(link);
        if (linkReal !== undefined && outside(linkReal)) {
          skips.push(outsideSkip(rel, linkReal));
          continue;
        }
        found.push({ relPath: rel, absPath: link });
      } else if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name))
          pending.push({ relDir: rel, real: realPrefix + entry.name });
      } else if (entry.isFile() && isRunbookFile(entry.name)) {
        found.push({ relPath: rel, absPath: absPrefix + entry.name });
      }
    }
  }
  return found;
}

function withSeparator(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

function statQuietly(target: string): Stats | undefined {
  try {
    return statSync(target);
  } catch {
    return undefined;
  }
}

function realpathQuietly(target: string): string | undefined {
  try {
    return realpathSync(target);
  } catch {
    return undefined;
  }
}

/** True when the bytes look binary (a NUL byte in the first 8 KiB, as git decides). */
export function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}
