import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BodyCache } from './body-cache.js';
import type { Catalog } from './catalog.js';
import { RunbookError } from './errors.js';
import { pathExists, writeFileAtomic } from './file-ops.js';
import { FolderBoundary } from './folder-boundary.js';
import { nameFromPath, resolveInside } from './names.js';
import { validateNewRunbookPath } from './new-runbook-name.js';
import { loadRunbookBodySync, loadRunbookFileSync, parseRunbook } from './runbook-file.js';
import { MAX_RUNBOOK_BYTES } from './store-scan.js';
import { freeTrashPath, keepCopyInTrash, TRASH_FOLDER } from './trash-folder.js';
import type { Runbook, RunbookSummary } from './types.js';
import { assertRealParentInside, readUtf8Bytes, realPathInside } from './write-guards.js';

/** A runbook whose text was just written; `backupPath` is where the text it replaced was kept. */
export type ReplacedRunbook = RunbookSummary & { backupPath?: string };

/** Everything that touches a runbook's bytes on disk, always inside the folder, always atomically. */
export class RunbookFiles {
  private readonly bodies = new BodyCache();

  constructor(
    private readonly root: string,
    private readonly boundary = new FolderBoundary(root),
  ) {}

  /** The body as the file holds it now, for a snippet; undefined when it cannot be read. */
  readBodySync(summary: RunbookSummary): string | undefined {
    try {
      const abs = resolveInside(this.root, summary.path);
      return this.bodies.get(abs, () => {
        this.boundary.assertInsideSync(abs, summary.path);
        return loadRunbookBodySync(abs, summary.path);
      });
    } catch {
      return undefined;
    }
  }

  async read(summary: RunbookSummary): Promise<Runbook> {
    const abs = resolveInside(this.root, summary.path);
    // The file may have been replaced by a link to outside the folder since it was indexed.
    this.boundary.assertInsideSync(abs, summary.path);
    const result = loadRunbookFileSync(abs, summary.path);
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

  /**
   * Writes a new runbook; with `overwrite`, replaces one and keeps its previous text in `.trash/`
   * (`backupPath`). Returns the file path written.
   */
  async create(
    name: string,
    content: string,
    options: { overwrite?: boolean },
    catalog: Catalog,
  ): Promise<{ relPath: string; backupPath?: string }> {
    const relPath = validateNewRunbookPath(name);
    checkSize(content, relPath);
    const target = resolveInside(this.root, relPath);
    const clash = catalog.get(nameFromPath(relPath)) ?? caseTwin(catalog, nameFromPath(relPath));
    const existing = await fs.lstat(target).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new RunbookError('invalid-name', `${relPath} is a folder, not a runbook.`, {
        file: relPath,
        key: 'name',
        fix: 'Choose another name.',
      });
    }
    if (clash && clash.name !== nameFromPath(relPath)) throw caseClash(relPath, clash);
    if ((existing || clash) && !options.overwrite) {
      throw new RunbookError(
        'exists',
        `A runbook named ${JSON.stringify(nameFromPath(relPath))} already exists (${clash?.path ?? relPath}).`,
        {
          file: clash?.path ?? relPath,
          key: 'name',
          // Only the MCP tool can replace; it adds how (edit-tools.ts). The app offers another name.
          fix: 'Choose another name.',
        },
      );
    }
    await assertRealParentInside(this.root, target, relPath);
    const backupPath = await this.replace(target, relPath, content);
    return { relPath, backupPath };
  }

  /** Saves over a runbook, refusing when it changed on disk; the previous text goes to `.trash/`. */
  async save(
    summary: RunbookSummary,
    content: string,
    baseMtimeMs: number | undefined,
  ): Promise<string | undefined> {
    checkSize(content, summary.path);
    const target = resolveInside(this.root, summary.path);
    const real = (await realPathInside(this.root, target, summary.path)) ?? target;
    if (baseMtimeMs !== undefined) {
      const disk = await fs.stat(real).catch(() => undefined);
      if (!disk || Math.abs(disk.mtimeMs - baseMtimeMs) > 1) {
        const diskContent = disk ? await fs.readFile(real, 'utf8') : '';
        throw new RunbookError('conflict', `${summary.path} changed on disk since it was opened.`, {
          file: summary.path,
          details: [{ diskContent, diskMtimeMs: disk?.mtimeMs ?? null }],
          fix: 'Compare both versions and choose which to keep; nothing was written.',
        });
      }
    }
    await assertRealParentInside(this.root, target, summary.path);
    return this.replace(target, summary.path, content);
  }

  /** Renames never replace: a taken target name is an error. */
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
    const source = await this.existingSource(summary.path);
    await assertRealParentInside(this.root, target, relPath);
    await fs.rename(source, target);
    return relPath;
  }

  /** Moves the file to `.trash/<time>/<path>`: recoverable, never unlinked. */
  async trash(summary: RunbookSummary): Promise<string> {
    const source = await this.existingSource(summary.path);
    const trashRel = await freeTrashPath(this.root, summary.path);
    const target = resolveInside(this.root, trashRel);
    await assertRealParentInside(this.root, target, trashRel);
    await fs.rename(source, target);
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
    if (!(await realPathInside(this.root, source, normalized)))
      throw new RunbookError('not-found', `${trashPath} is not in the trash any more.`, {
        file: trashPath,
      });
    if (await pathExists(target))
      throw new RunbookError('exists', `Cannot restore: ${relPath} exists again.`, {
        file: relPath,
        fix: 'Rename or move that file first.',
      });
    await assertRealParentInside(this.root, target, relPath);
    await fs.rename(source, target);
    return relPath;
  }

  /**
   * Writes `content` over the file at `target` (through a link that stays inside, to keep the
   * link). Previous text that differs is copied to `.trash/` first; its path is returned.
   */
  private async replace(
    target: string,
    relPath: string,
    content: string,
  ): Promise<string | undefined> {
    const real = await realPathInside(this.root, target, relPath);
    let backupPath: string | undefined;
    if (real !== undefined) {
      const previous = await readUtf8Bytes(real, relPath);
      if (!previous.equals(Buffer.from(content)))
        backupPath = await keepCopyInTrash(this.root, relPath, previous);
    }
    await writeFileAtomic(real ?? target, content);
    return backupPath;
  }

  /** The file to move away, refused when it (or a folder on its way) links outside the folder. */
  private async existingSource(relPath: string): Promise<string> {
    const source = resolveInside(this.root, relPath);
    if (!(await realPathInside(this.root, source, relPath))) {
      throw new RunbookError('not-found', `${relPath} was removed from the runbook folder.`, {
        file: relPath,
        fix: 'Refresh the list.',
      });
    }
    return source;
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

/** `IMPORTANT` next to `important`: one file on macOS and Windows, so never a second runbook. */
function caseTwin(catalog: Catalog, name: string): RunbookSummary | undefined {
  const lower = name.toLowerCase();
  return catalog.list().find((s) => s.name.toLowerCase() === lower);
}

function caseClash(relPath: string, existing: RunbookSummary): RunbookError {
  return new RunbookError(
    'exists',
    `${relPath} differs only in case from the runbook ${JSON.stringify(existing.name)} (${existing.path}).`,
    {
      file: existing.path,
      key: 'name',
      fix: `Choose another name: ${JSON.stringify(existing.name)} is taken in any case.`,
    },
  );
}
