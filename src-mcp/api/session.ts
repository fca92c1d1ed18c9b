/**
 * The open runbook folder: one Engine plus its watcher, reopened when the user picks another folder
 * or when a folder that was missing at start comes back. Plain Node, so it is tested on real
 * folders; the web host, the tray, the windows and the MCP-side approval all follow it through
 * its listeners, and read `session.engine` at call time.
 */
import { Engine, type EngineOptions } from '../engine/engine.js';
import type { ChangeEvent } from '../engine/types.js';
import { watchRunbookFolder, type FolderWatcher, type WatchStatus } from '../engine/watcher.js';
import type { AppEvent } from './contract.js';

export interface SessionOptions extends EngineOptions {
  debounceMs?: number;
  pollMs?: number;
  /** Follow the folder on disk (default true); tests that drive the engine directly turn it off. */
  watch?: boolean;
  /** An engine the caller already opened on `dir`: the first entry uses it instead of a new one. */
  engine?: Engine;
}

export type SessionListener = (event: AppEvent) => void;

/** Whether the open folder can be listed; the tray adds its own `loading`. */
export type SessionFolderState = { kind: 'ready' } | { kind: 'missing'; detail: string };

/** What the service needs: the engine of the moment, read at each call. */
export interface EngineSource {
  readonly engine: Engine;
  /** Changes told so far (see RunbookSession.revision); absent where no face hears of changes. */
  readonly revision?: string;
}

/** Everything may have changed: the faces reload their lists and env. */
const EVERYTHING: ChangeEvent = {
  added: [],
  changed: [],
  removed: [],
  listChanged: true,
  envChanged: true,
};

interface SessionEntry {
  engine: Engine;
  watcher: FolderWatcher;
  unsubscribe: () => void;
  /** The first scan failed: this engine will not recover, a new one is opened when the folder returns. */
  failed: boolean;
}

export class RunbookSession implements EngineSource {
  private current: SessionEntry;
  private options: SessionOptions;
  private closed = false;
  private readonly listeners = new Set<SessionListener>();
  /** Tells this process's counts from another's, for a page that outlived a restarted host. */
  private readonly instance = Math.random().toString(36).slice(2, 10);
  private changesTold = 0;

  constructor(
    options: SessionOptions,
    onEvent?: SessionListener,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    const { engine, ...rest } = options;
    this.options = rest;
    if (onEvent) this.listeners.add(onEvent);
    this.current = this.start(rest, engine);
  }

  /** Every later event, until the returned function is called. */
  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get engine(): Engine {
    return this.current.engine;
  }

  /**
   * Which changes have been told: a list taken at one revision has every change told before it,
   * so a face that took its list at the revision its event stream opened at has missed nothing.
   */
  get revision(): string {
    return `${this.instance}.${this.changesTold}`;
  }

  /** Resolves when the first scan and the first watch are done (or the folder was found missing). */
  async ready(): Promise<void> {
    const { engine, watcher } = this.current;
    await Promise.all([engine.ready().catch(() => undefined), watcher.ready]);
  }

  watchStatus(): WatchStatus {
    return this.current.watcher.status();
  }

  folderState(): SessionFolderState {
    const status = this.current.watcher.status();
    if (status.state !== 'watching') return { kind: 'missing', detail: status.message };
    if (this.current.failed) return { kind: 'missing', detail: 'The folder could not be read.' };
    return { kind: 'ready' };
  }

  /** Another folder, logs folder or profile: a fresh engine, and every face reloads. */
  async reopen(options: Partial<SessionOptions> = {}): Promise<void> {
    if (this.closed) return;
    this.options = { ...this.options, ...options };
    const previous = this.current;
    this.current = this.start(this.options);
    await closeQuietly(previous);
    await this.ready();
    this.emit({ type: 'watch', status: this.current.watcher.status() });
    this.emit({ type: 'change', change: EVERYTHING });
  }

  async close(): Promise<void> {
    this.closed = true;
    await closeQuietly(this.current);
  }

  private start(options: SessionOptions, opened?: Engine): SessionEntry {
    const engine = opened ?? Engine.open(options);
    const entry: SessionEntry = {
      engine,
      failed: false,
      unsubscribe: engine.onChange((change) => this.emit({ type: 'change', change })),
      watcher:
        options.watch === false
          ? UNWATCHED
          : watchRunbookFolder(engine, {
              // The first scan answers first; the watcher then catches up on what changed meanwhile.
              afterScan: engine.ready(),
              debounceMs: options.debounceMs,
              pollMs: options.pollMs,
              onStatus: (status) => this.statusChanged(entry, status),
              onError: (error) => this.onError(error),
            }),
    };
    engine.ready().catch(() => {
      entry.failed = true;
    });
    return entry;
  }

  private statusChanged(entry: SessionEntry, status: WatchStatus): void {
    if (entry !== this.current || this.closed) return;
    // Told first: the folder is back (or gone) now, whatever the reopen below still has to do.
    this.emit({ type: 'watch', status });
    // An engine whose first scan failed (folder missing at start) is replaced by a fresh one.
    if (status.state === 'watching' && entry.failed) {
      void this.reopen().catch((error: unknown) => this.onError(error));
    }
  }

  private emit(event: AppEvent): void {
    if (event.type === 'change') this.changesTold++;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** Stands in for the watcher when the folder is not followed: it always reports `watching`. */
const UNWATCHED: FolderWatcher = {
  ready: Promise.resolve(),
  close: async () => undefined,
  status: () => ({ state: 'watching' }),
};

async function closeQuietly(entry: SessionEntry): Promise<void> {
  entry.unsubscribe();
  await entry.watcher.close().catch(() => undefined);
}
