import { promises as fs } from 'node:fs';
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

/**
 * Lists candidate runbook files under `root`. Follows symlinked folders but remembers each real
 * folder it entered, so a symlink loop ends instead of hanging. A link (file or folder) whose real
 * target lies outside the folder is skipped, unless `followOutsideLinks`.
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
    realRoot = await fs.realpath(root);
  } catch (error) {
    skips.push({ path: '.', reason: 'unreadable', detail: String(error) });
    return found;
  }
  const outside = (real: string): boolean =>
    !options.followOutsideLinks && !isInsideReal(realRoot, real);
  const walk = async (relDir: string): Promise<void> => {
    const absDir = path.join(root, relDir);
    let real: string;
    try {
      real = await fs.realpath(absDir);
    } catch (error) {
      skips.push({ path: relDir || '.', reason: 'unreadable', detail: String(error) });
      return;
    }
    if (outside(real)) return void skips.push(outsideSkip(relDir, real));
    if (seen.has(real)) {
      if (relDir)
        skips.push({ path: relDir, reason: 'symlink-loop', detail: `already visited as ${real}` });
      return;
    }
    seen.add(real);
    let entries;
    try {
      entries = await fs.readdir(absDir, { withFileTypes: true });
    } catch (error) {
      skips.push({ path: relDir || '.', reason: 'unreadable', detail: (error as Error).message });
      return;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.')) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const link = path.join(absDir, entry.name);
        const target = await fs.stat(link).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = (target?.isFile() ?? false) && isRunbookFile(entry.name);
        // A folder link is checked when walked; a file link here, before anything reads it.
        const linkReal = isFile ? await fs.realpath(link).catch(() => undefined) : undefined;
        if (linkReal !== undefined && outside(linkReal)) {
          skips.push(outsideSkip(rel, linkReal));
          continue;
        }
      }
      if (isDir && !isSkippedFolder(entry.name)) subfolders.push(rel);
      else if (isFile && isRunbookFile(entry.name))
        found.push({ relPath: rel, absPath: path.join(absDir, entry.name) });
    }
    await Promise.all(subfolders.map(walk));
  };
  await walk(options.startRel ?? '');
  return found;
}

/** True when the bytes look binary (a NUL byte in the first 8 KiB, as git decides). */
export function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}
