import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Catalog } from './catalog.js';
import { RunbookError } from './errors.js';
import { fileTimestamp, pathExists, writeFileAtomic } from './file-ops.js';
import { nameFromPath, resolveInside, validateNewRunbookPath } from './names.js';
import { loadRunbookFileSync, parseRunbook } from './runbook-file.js';
import { MAX_RUNBOOK_BYTES } from './store-scan.js';
import type { Runbook, RunbookSummary } from './types.js';

export const TRASH_FOLDER = '.trash';

/** Everything that touches a runbook's bytes on disk, always inside the folder, always atomically. */
export class RunbookFiles {
  constructor(private readonly root: string) {}

  async read(summary: RunbookSummary): Promise<Runbook> {
    const result = loadRunbookFileSync(resolveInside(this.root, summary.path), summary.path);
    if ('runbook' in result) return result.runbook;
    if ('skip' in result) {
      throw new RunbookError(
        'too-large',
        `${summary.path} is no longer readable as a runbook (${result.skip.reason}).`,
        { file: summary.path },
      );
    }
    throw new RunbookError('not-found', `${summary.path} was removed from the runbook folder.`, {
      file: summary.path,
      fix: 'Refresh the list.',
    });
  }

  /** The runbook as it would be with `content` saved (for previews of unsaved edits). */
  parse(stored: Runbook, content: string): Runbook {
    return parseRunbook(stored.path, content, Buffer.byteLength(content), stored.mtimeMs);
  }

  async create(
    name: string,
    content: string,
    options: { overwrite?: boolean },
    catalog: Catalog,
  ): Promise<string> {
    const relPath = validateNewRunbookPath(name);
    checkSize(content, relPath);
    const target = resolveInside(this.root, relPath);
    const clash = catalog.get(nameFromPath(relPath));
    const stat = await fs.stat(target).catch(() => undefined);
    if (stat?.isDirectory()) {
      throw new RunbookError('invalid-name', `${relPath} is a folder, not a runbook.`, {
        file: relPath,
        key: 'name',
        fix: 'Choose another name.',
      });
    }
    if ((stat || clash) && !options.overwrite) {
      throw new RunbookError(
        'exists',
        `A runbook named ${JSON.stringify(nameFromPath(relPath))} already exists (${clash?.path ?? relPath}).`,
        {
          file: clash?.path ?? relPath,
          key: 'name',
          fix: 'Choose another name, or pass overwrite: true to replace it.',
        },
      );
    }
    await this.assertRealParentInside(target);
    await writeFileAtomic(target, content);
    return relPath;
  }

  async save(
    summary: RunbookSummary,
    content: string,
    baseMtimeMs: number | undefined,
  ): Promise<void> {
    checkSize(content, summary.path);
    const target = resolveInside(this.root, summary.path);
    if (baseMtimeMs !== undefined) {
      const disk = await fs.stat(target).catch(() => undefined);
      if (!disk || Math.abs(disk.mtimeMs - baseMtimeMs) > 1) {
        const diskContent = disk ? await fs.readFile(target, 'utf8') : '';
        throw new RunbookError('conflict', `${summary.path} changed on disk since it was opened.`, {
          file: summary.path,
          details: [{ diskContent, diskMtimeMs: disk?.mtimeMs ?? null }],
          fix: 'Compare both versions and choose which to keep; nothing was written.',
        });
      }
    }
    await writeFileAtomic(target, content);
  }

  async rename(summary: RunbookSummary, to: string, catalog: Catalog): Promise<string> {
    const ext = path.extname(summary.path);
    const relPath = validateNewRunbookPath(path.extname(to) ? to : `${to}${ext}`);
    const target = resolveInside(this.root, relPath);
    if ((await pathExists(target)) || catalog.get(nameFromPath(relPath))) {
      throw new RunbookError('exists', `Cannot rename to ${relPath}: that name is taken.`, {
        file: relPath,
        key: 'to',
        fix: 'Choose another name.',
      });
    }
    await this.assertRealParentInside(target);
    await fs.rename(resolveInside(this.root, summary.path), target);
    return relPath;
  }

  /** Moves the file to `.trash/<time>/<path>`: recoverable, never unlinked. */
  async trash(summary: RunbookSummary): Promise<string> {
    const trashRel = `${TRASH_FOLDER}/${fileTimestamp()}/${summary.path}`;
    const target = resolveInside(this.root, trashRel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(resolveInside(this.root, summary.path), target);
    return trashRel;
  }

  async restore(trashPath: string): Promise<string> {
    const normalized = trashPath.replace(/\\/g, '/');
    const match = /^\.trash\/[^/]+\/(.+)$/.exec(normalized);
    if (!match || normalized.split('/').includes('..')) {
      throw new RunbookError(
        'invalid-name',
        `${JSON.stringify(trashPath)} is not a path inside ${TRASH_FOLDER}/.`,
        { key: 'trashPath', fix: 'Use the trashPath that delete returned.' },
      );
    }
    const relPath = validateNewRunbookPath(match[1]!);
    const source = resolveInside(this.root, normalized);
    const target = resolveInside(this.root, relPath);
    if (!(await pathExists(source)))
      throw new RunbookError('not-found', `${trashPath} is not in the trash any more.`, {
        file: trashPath,
      });
    if (await pathExists(target))
      throw new RunbookError('exists', `Cannot restore: ${relPath} exists again.`, {
        file: relPath,
        fix: 'Rename or move that file first.',
      });
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(source, target);
    return relPath;
  }

  /**
   * A symlinked folder inside the runbook folder must not carry a write outside it: the deepest
   * folder that exists is checked before any folder is created.
   */
  private async assertRealParentInside(target: string): Promise<void> {
    let existing = path.dirname(target);
    while (!(await pathExists(existing))) existing = path.dirname(existing);
    const [realRoot, realParent] = await Promise.all([
      fs.realpath(this.root),
      fs.realpath(existing),
    ]);
    const rel = path.relative(realRoot, realParent);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new RunbookError(
        'path-escape',
        `${path.relative(this.root, target)} would be written outside the runbook folder (through a symlink).`,
        {
          file: target,
          key: 'name',
          fix: 'Choose a path that is not inside a symlinked folder.',
        },
      );
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
  }
}

function checkSize(content: string, relPath: string): void {
  if (typeof content !== 'string')
    throw new RunbookError('invalid-argument', 'content must be text.', { key: 'content' });
  if (Buffer.byteLength(content) > MAX_RUNBOOK_BYTES) {
    throw new RunbookError('too-large', `${relPath} would be over ${MAX_RUNBOOK_BYTES} bytes.`, {
      file: relPath,
      key: 'content',
      fix: 'Split it into several runbooks.',
    });
  }
}
