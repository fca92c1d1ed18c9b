/**
 * Keeps what the engine knows in step with the folder: scans (the first one from the index cache),
 * applies changed paths, saves the cache, updates the include graph and tells the listeners.
 */
import type { IncludeGraph } from './include-graph.js';
import { changedAnything, type IndexCacheStore } from './index-cache-store.js';
import type { Indexer } from './indexer.js';
import type { ChangeEvent } from './types.js';

type ChangeListener = (event: ChangeEvent) => void;

export class IndexSync {
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    private readonly indexer: Indexer,
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

  async apply(relativePaths: string[]): Promise<ChangeEvent> {
    const event = await this.indexer.apply(relativePaths);
    if (changedAnything(event)) this.cache?.writeLater();
    return this.settle(event);
  }

  /** Cheap when nothing changed: a walk and a stat per file; only changed files are read. */
  async rescan(): Promise<ChangeEvent> {
    const event = await this.indexer.scanAll();
    if (changedAnything(event)) this.cache?.writeSoon();
    return this.settle(event);
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
