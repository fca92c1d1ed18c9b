/**
 * Watches a runbook folder and feeds what changed to the engine, coalesced: a 200-file checkout
 * becomes one or a few `applyChanges` calls, not 200 index updates and 200 notifications.
 * Shared by the MCP server, the web host and the tray app.
 */
import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Engine } from './engine.js';
import { ChangeBatch } from './change-batch.js';

export type WatchStatus = { state: 'watching' } | { state: 'missing' | 'error'; message: string };

export interface FolderWatcher {
  /** Resolves once the first watch is set up (or the folder was found missing). */
  ready: Promise<void>;
  close(): Promise<void>;
  status(): WatchStatus;
}

export interface WatchOptions {
  /** Quiet time after the last event before the batch is applied. */
  debounceMs?: number;
  /** A steady stream of events is still applied at least this often. */
  maxWaitMs?: number;
  /** How often the folder's presence is checked (while watching, and while waiting for its return). */
  pollMs?: number;
  onStatus?(status: WatchStatus): void;
  onError?(error: unknown): void;
  /**
   * The engine's first scan. Watching starts once it settles (chokidar's own walk of 10,000 files
   * would compete with it and delay the first answer), then one rescan picks up what changed
   * between the two.
   */
  afterScan?: Promise<unknown>;
}

/** The part of the engine the watcher drives. */
export type WatchedEngine = Pick<Engine, 'root' | 'applyChanges' | 'reindex'>;

const IGNORED_SEGMENTS = new Set(['node_modules']);

/** Hidden entries (.git, .trash, editor swap files) and node_modules never hold runbooks. */
export function isIgnoredPath(root: string, absolutePath: string): boolean {
  const rel = path.relative(root, absolutePath);
  if (rel === '' || rel.startsWith('..')) return false;
  return rel.split(path.sep).some((part) => part.startsWith('.') || IGNORED_SEGMENTS.has(part));
}

export function watchRunbookFolder(
  engine: WatchedEngine,
  options: WatchOptions = {},
): FolderWatcher {
  const watcher = new RunbookFolderWatcher(engine, options);
  return { ready: watcher.start(), close: () => watcher.close(), status: () => watcher.current };
}

class RunbookFolderWatcher {
  current: WatchStatus = { state: 'watching' };
  private chokidar: FSWatcher | undefined;
  private poller: NodeJS.Timeout | undefined;
  private closed = false;
  /** Ends a start that waits for chokidar's ready, when closing stops chokidar first. */
  private whenClosed: (() => void) | undefined;
  private readonly batch: ChangeBatch;
  private readonly pollMs: number;

  constructor(
    private readonly engine: WatchedEngine,
    private readonly options: WatchOptions,
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.batch = new ChangeBatch(
      (paths) => engine.applyChanges(paths),
      options.debounceMs ?? 100,
      options.maxWaitMs ?? 1000,
      (error) => this.reportError(error),
    );
  }

  async start(): Promise<void> {
    const afterScan = this.options.afterScan;
    if (afterScan) await afterScan.catch(() => undefined);
    if (this.closed) return;
    const problem = await folderProblem(this.engine.root);
    // Closed meanwhile (a client that asked one question, a folder switched at once): start nothing.
    if (this.closed) return;
    if (problem) return this.enterMissing(problem);
    await this.startChokidar();
    if (afterScan) await this.reconcile();
    this.poll(() => this.checkStillThere());
  }

  /** A rescan: the engine tells its listeners only when something did change. */
  private async reconcile(): Promise<void> {
    if (this.closed) return;
    await this.engine.reindex().catch((error: unknown) => this.reportError(error));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.whenClosed?.();
    this.stopPolling();
    this.batch.cancel();
    await this.stopChokidar();
    await this.batch.idle();
  }

  private async startChokidar(): Promise<void> {
    const root = this.engine.root;
    const fsw = watch(root, {
      ignoreInitial: true,
      atomic: true,
      // Folders only: chokidar would open one more watch per file (10,000 at 10k runbooks, ~80 MB
      // of the MCP server's memory), and a folder's watch already hears of every file in it.
      ignored: (p: string, stats?: Stats) => isIgnoredPath(root, p) || stats?.isFile() === true,
    });
    this.chokidar = fsw;
    fsw.on('all', (event, changed) => this.onEvent(event, changed));
    fsw.on('raw', (_event, name, details) => this.onFolderEvent(name, details));
    fsw.on('error', (error) => void this.onWatchError(error));
    // Closing stops the walk, and chokidar then never says ready.
    await new Promise<void>((resolve) => {
      fsw.once('ready', resolve);
      this.whenClosed = resolve;
    });
  }

  private async stopChokidar(): Promise<void> {
    const fsw = this.chokidar;
    this.chokidar = undefined;
    await fsw?.close().catch((error: unknown) => this.reportError(error));
  }

  private onEvent(event: string, changed: string): void {
    if (this.closed) return;
    const root = this.engine.root;
    if (event === 'unlinkDir' && path.resolve(changed) === path.resolve(root)) {
      void this.checkStillThere();
      return;
    }
    // A folder's files arrive as their own events; the folder itself is nothing to index.
    if (event === 'addDir' || event === 'unlinkDir') return;
    this.batch.add(path.relative(root, changed).split(path.sep).join('/'));
  }

  /** What a folder's own watch reports: a file in it was added, changed, renamed or removed. */
  private onFolderEvent(name: unknown, details: unknown): void {
    const folder = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (this.closed || typeof name !== 'string' || !name || typeof folder !== 'string') return;
    const root = this.engine.root;
    const changed = path.resolve(root, folder, name);
    if (isIgnoredPath(root, changed)) return;
    this.batch.add(path.relative(root, changed).split(path.sep).join('/'));
  }

  private async onWatchError(error: unknown): Promise<void> {
    const problem = await folderProblem(this.engine.root);
    if (problem) await this.enterMissing(problem);
    else this.reportError(error);
  }

  private async checkStillThere(): Promise<void> {
    if (this.closed || this.current.state !== 'watching') return;
    const problem = await folderProblem(this.engine.root);
    if (problem) await this.enterMissing(problem);
  }

  private async enterMissing(problem: WatchStatus): Promise<void> {
    if (this.closed || this.current.state !== 'watching') return;
    // Set first: the unlinkDir event, the error event and the poller may all notice at once.
    this.current = problem;
    this.stopPolling();
    this.batch.cancel();
    await this.stopChokidar();
    this.setStatus(problem);
    // Empty the list now (and tell the faces): a folder that is gone must not serve stale runbooks.
    await this.engine.reindex().catch((error: unknown) => this.reportError(error));
    this.poll(() => this.checkReturned());
  }

  private async checkReturned(): Promise<void> {
    if (this.closed || this.current.state === 'watching') return;
    if ((await folderProblem(this.engine.root)) || this.closed) return;
    this.stopPolling();
    try {
      await this.startChokidar();
      // Whatever happened while it was gone is unknown: rescan it all.
      await this.engine.reindex();
    } catch (error) {
      this.reportError(error);
    }
    if (this.closed) return;
    this.setStatus({ state: 'watching' });
    this.poll(() => this.checkStillThere());
  }

  private poll(check: () => Promise<void>): void {
    if (this.closed) return;
    this.stopPolling();
    let busy = false;
    // A slow check (a hung network mount) must not pile up behind itself.
    this.poller = setInterval(() => {
      if (busy) return;
      busy = true;
      check()
        .catch((error: unknown) => this.reportError(error))
        .finally(() => (busy = false));
    }, this.pollMs);
    this.poller.unref();
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  private setStatus(status: WatchStatus): void {
    this.current = status;
    try {
      this.options.onStatus?.(status);
    } catch (error) {
      this.reportError(error);
    }
  }

  private reportError(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // A failing error callback must not take the watcher down with it.
    }
  }
}

/** Why the folder cannot be watched, or undefined when it can. */
async function folderProblem(root: string): Promise<WatchStatus | undefined> {
  try {
    const info = await stat(root);
    if (!info.isDirectory()) return { state: 'missing', message: `${root} is not a folder.` };
  } catch {
    return {
      state: 'missing',
      message: `The runbook folder ${root} does not exist (deleted or moved?).`,
    };
  }
  try {
    await access(root, constants.R_OK | constants.X_OK);
  } catch {
    return { state: 'error', message: `The runbook folder ${root} cannot be read (permissions?).` };
  }
  return undefined;
}
