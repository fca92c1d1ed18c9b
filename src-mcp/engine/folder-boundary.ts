/**
 * The runbook folder is a boundary: a link whose real target lies outside it (a cloned repo's
 * `notes.md -> ~/.aws/credentials`) is never read, indexed or served, unless the user opted in
 * to following outside links. Links that stay inside the folder work as any file.
 */
import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { RunbookError } from './errors.js';
import type { Skip } from './types.js';

/** The fix every refusal offers: the two ways to make the file readable on purpose. */
const OPT_IN_FIX =
  'Copy the file into the runbook folder, or turn on "Follow links that lead outside the folder" in Settings (followOutsideLinks).';

/** True when the resolved path `real` is `realRoot` itself or lies under it. */
export function isInsideReal(realRoot: string, real: string): boolean {
  const rel = path.relative(realRoot, real);
  if (rel === '') return true;
  return !path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`);
}

/** The skip reported once for a link to outside the folder. */
export function outsideSkip(relPath: string, target: string): Skip {
  return { path: relPath, reason: 'outside-folder', detail: `links to ${target}` };
}

export class FolderBoundary {
  constructor(
    readonly root: string,
    readonly followOutsideLinks = false,
  ) {}

  /** Where `abs` really leads when that is outside the folder; undefined when inside, allowed or gone. */
  async outsideTarget(abs: string): Promise<string | undefined> {
    if (this.followOutsideLinks) return undefined;
    const [realRoot, real] = await Promise.all([
      fs.realpath(this.root).catch(() => undefined),
      fs.realpath(abs).catch(() => undefined),
    ]);
    return realRoot !== undefined && real !== undefined && !isInsideReal(realRoot, real)
      ? real
      : undefined;
  }

  /** The same, synchronously: for the read right before a runbook's bytes are served. */
  outsideTargetSync(abs: string): string | undefined {
    if (this.followOutsideLinks) return undefined;
    try {
      const real = realpathSync.native(abs);
      return isInsideReal(realpathSync.native(this.root), real) ? undefined : real;
    } catch {
      return undefined;
    }
  }

  /** Refuses a file that was replaced by a link to outside after it was indexed. */
  assertInsideSync(abs: string, relPath: string): void {
    const target = this.outsideTargetSync(abs);
    if (target !== undefined) throw outsideError(relPath, target, 'runbook');
  }

  /** Refuses an env file (`env.yaml`, `env.<profile>.yaml`) that links to outside the folder. */
  async assertEnvInside(relPath: string): Promise<void> {
    const target = await this.outsideTarget(path.join(this.root, relPath));
    if (target !== undefined) throw outsideError(relPath, target, 'env file');
  }
}

function outsideError(relPath: string, target: string, what: string): RunbookError {
  return new RunbookError(
    'path-escape',
    `The ${what} ${relPath} is a link to ${target}, outside the runbook folder; it is not read.`,
    { file: relPath, fix: OPT_IN_FIX },
  );
}

/** Why the runbook folder itself cannot be listed (deleted, moved, unmounted), or undefined. */
export async function missingFolderError(root: string): Promise<RunbookError | undefined> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (stat?.isDirectory()) return undefined;
  return missingFolder(root, stat !== undefined);
}

function missingFolder(root: string, isFile: boolean): RunbookError {
  return new RunbookError(
    'not-found',
    isFile
      ? `The runbook folder ${root} is a file now, not a folder: there are no runbooks to serve.`
      : `The runbook folder ${root} does not exist any more (deleted, moved or unmounted?): there are no runbooks to serve.`,
    { file: root, fix: 'Bring the folder back (it is picked up again), or choose another folder.' },
  );
}
