/**
 * Keeps what the engine knows in step with the folder: scans (the first one from the index cache),
 * applies changed paths, saves the cache, updates the include graph and tells the listeners.
 */
import type { IncludeGraph } from './include-graph.js';
import { changedAnything, type IndexCacheStore } from './index-cache-store.js';
import type { Indexer } from './indexer.js';
import type { ChangeEvent } from './types.js';

type ChangeListener = (event: ChangeEvent) => void;

/** What a sync drives: full scans and changed paths. */
export type SyncedIndexer = Pick<Indexer, 'scanAll' | 'apply'>;

export class IndexSync {
  private readonly listeners = new Set<ChangeListener>();
  /** The scan or apply under way: the next waits for it (see `inTurn`). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly indexer: SyncedIndexer,
    private readonly includes: IncludeGraph,
    private readonly cache: IndexCacheStore | undefined,
  ) {}

  /** The cache (when it checks out), then a scan that reads only what changed since. */
  async firstScan(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const restored = this.cache?.restore() ?? false;
    const event = await this.indexer.scanAll();
    if (!restored || changedAnything(event)) this.cache?.writeSoon();
  }

  apply(relativePaths: string[]): Promise<ChangeEvent> {
    return this.inTurn(async () => {
      const event = await this.indexer.apply(relativePaths);
      if (changedAnything(event)) this.cache?.writeLater();
      return this.settle(event);
    });
  }

  /** Cheap when nothing changed: a walk and a stat per file; only changed files are read. */
  rescan(): Promise<ChangeEvent> {
    return this.inTurn(async () => {
      const event = await this.indexer.scanAll();
      if (changedAnything(event)) this.cache?.writeSoon();
      return this.settle(event);
    });
  }

  /**
   * One scan or apply at a time: both yield between batches, and a watcher's apply interleaved
   * with a full rescan could lose a runbook between them (2,011 of 2,012 after a burst of writes).
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Resolves once the index cache is not being written (see IndexCacheStore.idle). */
  async idle(): Promise<void> {
    await this.cache?.idle();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private settle(event: ChangeEvent): ChangeEvent {
    this.includes.update(event);
    const empty =
      !event.added.length && !event.changed.length && !event.removed.length && !event.envChanged;
    if (!empty) for (const listener of this.listeners) listener(event);
    return event;
  }
}
