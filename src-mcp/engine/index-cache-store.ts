/**
 * Keeps the index cache of one engine: restores the catalog and the search index from it at the
 * start, and writes them back after a scan that changed something, once the answer that waited
 * for the scan has gone out (`setImmediate`), never during it.
 */
import type { Catalog } from './catalog.js';
import { IndexCacheFile } from './index-cache-file.js';
import type { IndexCacheContent } from './index-cache.js';
import type { SearchIndex } from './search.js';
import type { ChangeEvent } from './types.js';

/** After watcher changes, wait this long for more before writing (a checkout is many changes). */
const WRITE_AFTER_CHANGES_MS = 5000;

export class IndexCacheStore {
  private writing: Promise<void> | undefined;
  private writeAgain = false;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly file: IndexCacheFile,
    private readonly catalog: Catalog,
    private readonly index: SearchIndex,
  ) {}

  /** Undefined when there is nothing to cache (the folder is missing). */
  static open(
    cacheDir: string,
    root: string,
    followOutsideLinks: boolean,
    catalog: Catalog,
    index: SearchIndex,
  ): IndexCacheStore | undefined {
    const file = IndexCacheFile.for(cacheDir, root, followOutsideLinks);
    return file && new IndexCacheStore(file, catalog, index);
  }

  /** Fills the (empty) catalog and index from the cache; false when there was none to use. */
  restore(): boolean {
    const content = this.file.read();
    if (!content) return false;
    for (const summary of content.summaries) this.catalog.set(summary);
    this.index.restore(content.snapshot);
    return true;
  }

  /** Writes soon: after the current turn of the event loop, so the answer goes out first. */
  writeSoon(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    setImmediate(() => void this.write());
  }

  /** Resolves once no write is under way (one due this turn included): a process may then exit. */
  async idle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.writing) await this.writing;
  }

  /** Writes after a quiet spell; a process that exits first just leaves the cache a little stale. */
  writeLater(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(), WRITE_AFTER_CHANGES_MS);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    if (this.writing) {
      this.writeAgain = true;
      return;
    }
    const content = this.capture();
    if (!content) return;
    this.writing = this.file.write(content).then(() => undefined);
    await this.writing;
    this.writing = undefined;
    if (this.writeAgain) {
      this.writeAgain = false;
      await this.write();
    }
  }

  /** The catalog and index as they are now, in one synchronous step (so they agree). */
  private capture(): IndexCacheContent | undefined {
    const snapshot = this.index.snapshot();
    const summaries: Array<IndexCacheContent['summaries'][number]> = [];
    for (const doc of snapshot.docs) {
      const summary = this.catalog.entry(doc.name);
      if (!summary) return undefined;
      summaries.push(summary);
    }
    return { summaries, snapshot };
  }
}

export function changedAnything(event: ChangeEvent): boolean {
  return event.added.length > 0 || event.changed.length > 0 || event.removed.length > 0;
}
