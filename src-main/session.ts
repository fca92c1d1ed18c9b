/**
 * The open runbook folder: one Engine plus its watcher, reopened when the user picks another folder
 * or when a folder that was missing at start comes back. Plain Node, so it is tested on real
 * folders; the tray, the windows and the MCP-side approval all follow it through `onEvent`.
 */
import { Engine, type EngineOptions } from '../src-mcp/engine/engine.js';
import type { ChangeEvent } from '../src-mcp/engine/types.js';
import {
  watchRunbookFolder,
  type FolderWatcher,
  type WatchStatus,
} from '../src-mcp/engine/watcher.js';
import type { AppEvent } from '../src-mcp/api/contract.js';
import type { FolderState } from './tray-menu.js';

export interface SessionOptions extends EngineOptions {
  debounceMs?: number;
  pollMs?: number;
}

export type SessionListener = (event: AppEvent) => void;

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

export class RunbookSession {
  private current: SessionEntry;
  private options: SessionOptions;
  private closed = false;

  constructor(
    options: SessionOptions,
    private readonly onEvent: SessionListener,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.options = options;
    this.current = this.start(options);
  }

  get engine(): Engine {
    return this.current.engine;
  }

  /** Resolves when the first scan and the first watch are done (or the folder was found missing). */
  async ready(): Promise<void> {
    const { engine, watcher } = this.current;
    await Promise.all([engine.ready().catch(() => undefined), watcher.ready]);
  }

  watchStatus(): WatchStatus {
    return this.current.watcher.status();
  }

  folderState(): FolderState {
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

  private start(options: SessionOptions): SessionEntry {
    const engine = Engine.open(options);
    const entry: SessionEntry = {
      engine,
      failed: false,
      unsubscribe: engine.onChange((change) => this.emit({ type: 'change', change })),
      watcher: watchRunbookFolder(engine, {
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
    // An engine whose first scan failed (folder missing at start) never recovers by itself.
    if (status.state === 'watching' && entry.failed) {
      void this.reopen().catch((error: unknown) => this.onError(error));
      return;
    }
    this.emit({ type: 'watch', status });
  }

  private emit(event: AppEvent): void {
    try {
      this.onEvent(event);
    } catch (error) {
      this.onError(error);
    }
  }
}

async function closeQuietly(entry: SessionEntry): Promise<void> {
  entry.unsubscribe();
  await entry.watcher.close().catch(() => undefined);
}
