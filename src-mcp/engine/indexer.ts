import { promises as fs, statSync } from 'node:fs';
import type { Catalog } from './catalog.js';
import { isEnvFile, type EnvCache } from './env-cache.js';
import { missingFolderError, outsideSkip, type FolderBoundary } from './folder-boundary.js';
import { isRunbookFile, nameFromPath, resolveInside } from './names.js';
import { loadRunbookFileSync, sameListing, toSummary } from './runbook-file.js';
import { toIndexDoc, type SearchIndex } from './search.js';
import { findRunbookFiles, isInSkippedFolder, type FoundFile } from './store-scan.js';
import type { ChangeEvent, Skip } from './types.js';

/** Files read between two yields to the event loop (~10 ms of work). */
const LOAD_BATCH = 100;

/** Keeps the catalog and the search index in step with the folder: a full scan, or a few paths. */
export class Indexer {
  private readonly reported = new Map<string, Skip>();
  private readonly root: string;

  constructor(
    private readonly boundary: FolderBoundary,
    private readonly catalog: Catalog,
    private readonly index: SearchIndex,
    private readonly envCache: EnvCache,
    private readonly onSkip: ((skip: Skip) => void) | undefined,
  ) {
    this.root = boundary.root;
  }

  skipped(): Skip[] {
    return [...this.reported.values()];
  }

  /**
   * The error every call gets while the folder is gone (deleted, moved, unmounted): a stale list
   * must not be served. Checked at each call, so it holds before the watcher's rescan empties it.
   */
  async assertFolderPresent(): Promise<void> {
    const missing = await missingFolderError(this.root);
    if (missing) throw missing;
  }

  async scanAll(): Promise<ChangeEvent> {
    const event = emptyEvent();
    const skips: Skip[] = [];
    const missing = await missingFolderError(this.root);
    // A missing folder has no runbooks: everything goes, and the faces hear of it.
    const files = missing
      ? []
      : await findRunbookFiles(this.root, skips, {
          followOutsideLinks: this.boundary.followOutsideLinks,
        });
    const present = new Set<string>();
    // A full scan trusts size and mtime: an unchanged file is not read again (see loadOne).
    await this.loadAll(files, event, skips, { trustStat: true, present });
    for (const name of [...this.catalog.names()]) if (!present.has(name)) this.remove(name, event);
    this.report(skips);
    this.envCache.invalidate();
    return event;
  }

  async apply(relativePaths: readonly string[]): Promise<ChangeEvent> {
    const event = emptyEvent();
    const skips: Skip[] = [];
    for (const raw of new Set(relativePaths.map((p) => p.replace(/\\/g, '/')))) {
      if (isEnvFile(raw)) {
        this.envCache.invalidate();
        event.envChanged = true;
      } else if (!isInSkippedFolder(raw)) {
        await this.applyPath(raw, event, skips);
      }
    }
    this.report(skips);
    return event;
  }

  private async applyPath(relPath: string, event: ChangeEvent, skips: Skip[]): Promise<void> {
    let abs: string;
    try {
      abs = resolveInside(this.root, relPath);
    } catch {
      return;
    }
    const stat = await fs.stat(abs).catch(() => undefined);
    if (stat?.isDirectory()) {
      const files = await findRunbookFiles(this.root, skips, {
        startRel: relPath,
        followOutsideLinks: this.boundary.followOutsideLinks,
      });
      const present = new Set<string>();
      await this.loadAll(files, event, skips, { present });
      for (const name of this.catalog.namesUnder(relPath))
        if (!present.has(name)) this.remove(name, event);
    } else if (stat?.isFile()) {
      if (isRunbookFile(relPath)) await this.applyFile(relPath, abs, event, skips);
    } else {
      const own = this.catalog.get(nameFromPath(relPath));
      if (own?.path === relPath) this.remove(own.name, event);
      for (const name of this.catalog.namesUnder(relPath)) this.remove(name, event);
    }
  }

  /** A file (or a link) the watcher saw: a link to outside the folder is dropped, not read. */
  private async applyFile(
    relPath: string,
    abs: string,
    event: ChangeEvent,
    skips: Skip[],
  ): Promise<void> {
    const outside = await this.boundary.outsideTarget(abs);
    if (outside === undefined) return this.loadAll([{ relPath, absPath: abs }], event, skips);
    skips.push(outsideSkip(relPath, outside));
    const own = this.catalog.get(nameFromPath(relPath));
    if (own?.path === relPath) this.remove(own.name, event);
  }

  /** Loads in batches, yielding between them so a server on the same thread keeps answering. */
  private async loadAll(
    files: readonly FoundFile[],
    event: ChangeEvent,
    skips: Skip[],
    options: LoadOptions = {},
  ): Promise<void> {
    for (let start = 0; start < files.length; start += LOAD_BATCH) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const file of files.slice(start, start + LOAD_BATCH)) {
        const name = nameFromPath(file.relPath);
        options.present?.add(name);
        this.loadOne(file, name, event, skips, options.trustStat === true);
      }
    }
  }

  /**
   * `trustStat` (full scans: the first one over a cached index, and reindex): a file whose size
   * and mtime are those indexed is not read. A same-size edit that keeps the mtime to the
   * nanosecond is missed until the file changes again; the watcher's own events always re-read.
   */
  private loadOne(
    file: FoundFile,
    name: string,
    event: ChangeEvent,
    skips: Skip[],
    trustStat: boolean,
  ): void {
    const known = this.catalog.entry(name);
    const owned = known?.path === file.relPath;
    if (owned && trustStat && sameStat(file.absPath, known)) return;
    const existing = known && this.catalog.get(known.name);
    const result = loadRunbookFileSync(file.absPath, file.relPath);
    if ('skip' in result) skips.push(result.skip);
    if (!('runbook' in result)) {
      if (owned) this.remove(known.name, event);
      return;
    }
    const summary = toSummary(result.runbook);
    const unchanged = owned && known.mtimeMs === summary.mtimeMs && known.size === summary.size;
    if (unchanged || !this.catalog.set(summary)) return;
    this.index.add(toIndexDoc(result.runbook));
    (existing ? event.changed : event.added).push(summary.name);
    if (!existing || !sameListing(existing, summary)) event.listChanged = true;
  }

  private remove(name: string, event: ChangeEvent): void {
    if (!this.catalog.delete(name)) return;
    this.index.remove(name);
    event.removed.push(name);
    event.listChanged = true;
  }

  /** Each skipped file is told once, not at every rescan. */
  private report(skips: readonly Skip[]): void {
    for (const skip of skips) {
      const key = `${skip.path}\0${skip.reason}`;
      if (this.reported.has(key)) continue;
      this.reported.set(key, skip);
      this.onSkip?.(skip);
    }
  }
}

interface LoadOptions {
  /** Full scans: a file whose size and mtime are those indexed is not read (see loadOne). */
  trustStat?: boolean;
  /** Collects the name of every file seen, read or not. */
  present?: Set<string>;
}

function sameStat(absPath: string, known: { size: number; mtimeMs: number }): boolean {
  try {
    const stat = statSync(absPath, { throwIfNoEntry: false });
    return stat?.isFile() === true && stat.size === known.size && stat.mtimeMs === known.mtimeMs;
  } catch {
    return false;
  }
}

function emptyEvent(): ChangeEvent {
  return { added: [], changed: [], removed: [], listChanged: false, envChanged: false };
}
