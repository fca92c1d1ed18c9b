/**
 * The one engine every face calls: store + env + templating + search index + logs.
 * Data flows one way: files → catalog → index → faces; changes flow back through onChange.
 */
import path from 'node:path';
import { Catalog } from './catalog.js';
import { EnvCache } from './env-cache.js';
import { FolderBoundary } from './folder-boundary.js';
import type { LoadedEnv } from './env.js';
import { IncludeGraph } from './include-graph.js';
import { LogStore } from './logs.js';
import type { Receipt } from './receipt.js';
import type { RunReport } from './receipt-log.js';
import { RedactedLogs } from './redacted-logs.js';
import { RunMemory, startedRun } from './run-memory.js';
import { defaultLogsDir } from './paths.js';
import { SecretMemory } from './secret-memory.js';
import { RunbookFiles, type ReplacedRunbook } from './runbook-files.js';
import type { PreviewRequest, RenderRequest } from './render-request.js';
import { RunbookRenderer } from './runbook-renderer.js';
import { SearchIndex, type SearchOptions } from './search.js';
import { Indexer } from './indexer.js';
import { IndexCacheStore } from './index-cache-store.js';
import { IndexSync } from './index-sync.js';
import type {
  ChangeEvent,
  LenientRender,
  LogEntry,
  Runbook,
  RunbookSummary,
  SearchHit,
  SearchPage,
  Skip,
  Unresolved,
  VariableSpec,
} from './types.js';

export interface EngineOptions {
  /** The runbook folder (absolute or relative to cwd). */
  dir: string;
  /** Where execution logs go; default: `<app data>/logs`. */
  logsDir?: string;
  /** Env profile: `env.<profile>.yaml` deep-merged over `env.yaml`. */
  profile?: string;
  /** Told once about each file the store skips (too large, binary, unreadable, symlink loop). */
  onSkip?: (skip: Skip) => void;
  /**
   * Serve files and folders that are links to outside the runbook folder (default false: such a
   * link is skipped and reported, so `notes.md -> ~/.aws/credentials` never reaches a client).
   */
  followOutsideLinks?: boolean;
  /**
   * Where to keep the index cache (one file per folder), so a start with unchanged files reads
   * none of them; the faces pass `indexCacheDir()`. Without it the engine keeps no cache.
   */
  cacheDir?: string;
}

export class Engine {
  readonly root: string;
  readonly logsDir: string;
  readonly profile: string | undefined;
  /** What it was opened with, so a host can open the same kind of engine on another folder. */
  readonly options: Readonly<EngineOptions>;
  private readonly catalog = new Catalog();
  /** Which runbooks include which: merged variables, and changes that reach the includers. */
  private readonly includes = new IncludeGraph({
    exact: (name) => this.catalog.exact(name),
    all: () => this.catalog.values(),
  });
  private readonly index: SearchIndex;
  private readonly envCache: EnvCache;
  private readonly files: RunbookFiles;
  private readonly renderer: RunbookRenderer;
  private readonly logs: RedactedLogs;
  private readonly indexer: Indexer;
  private readonly sync: IndexSync;
  /** Secret values this engine rendered: redacted from every log it writes or reads back. */
  private readonly renderedSecrets = new SecretMemory();
  /** Runs this engine rendered, by run id, for the receipts of their logs. */
  private readonly runs = new RunMemory();
  private readonly initial: Promise<void>;

  private constructor(options: EngineOptions) {
    this.options = { ...options };
    this.root = path.resolve(options.dir);
    this.logsDir = path.resolve(options.logsDir ?? defaultLogsDir());
    this.profile = options.profile;
    const boundary = new FolderBoundary(this.root, options.followOutsideLinks === true);
    this.envCache = new EnvCache(boundary);
    this.files = new RunbookFiles(this.root, boundary);
    const { catalog, files, includes, renderedSecrets: rendered, runs } = this;
    const env = (profile?: string): Promise<LoadedEnv> => this.env(profile);
    const read = (name: string): Promise<Runbook> => this.read(name);
    this.renderer = new RunbookRenderer({ catalog, files, includes, read, env }, rendered);
    this.logs = new RedactedLogs({
      root: this.root,
      profile: this.profile,
      store: new LogStore(this.logsDir),
      catalog,
      env,
      rendered,
      runs,
      ready: () => this.ready(),
      resolve: (name) => this.resolve(name),
    });
    // Snippets read the few bodies a page shows from their files: no body stays in memory.
    this.index = new SearchIndex((name) => this.bodyOf(name));
    this.indexer = new Indexer(boundary, this.catalog, this.index, this.envCache, options.onSkip);
    const cache =
      options.cacheDir === undefined
        ? undefined
        : IndexCacheStore.open(
            options.cacheDir,
            this.root,
            boundary.followOutsideLinks,
            this.catalog,
            this.index,
          );
    this.sync = new IndexSync(this.indexer, this.includes, cache);
    this.initial = this.sync.firstScan();
    // A failed first scan is reported by every call that awaits ready(); never an unhandled rejection.
    this.initial.catch(() => undefined);
  }

  private bodyOf(name: string): string | undefined {
    const summary = this.catalog.get(name);
    return summary && this.files.readBodySync(summary);
  }

  /** Starts the first scan in the background and returns at once (the MCP server must answer fast). */
  static open(options: EngineOptions): Engine {
    return new Engine(options);
  }

  /** Rejects while the folder is gone: a stale list must not be served (the error names the folder). */
  ready(): Promise<void> {
    return this.initial.then(() => this.indexer.assertFolderPresent());
  }

  /** How many runbooks there are, without reading what is known of each (see stored-summary.ts). */
  async count(): Promise<number> {
    await this.ready();
    return this.catalog.size;
  }

  async list(): Promise<RunbookSummary[]> {
    await this.ready();
    return this.catalog.list().map((summary) => this.includes.withIncluded(summary));
  }

  async resolve(nameOrFile: string): Promise<RunbookSummary> {
    await this.ready();
    return this.includes.withIncluded(this.catalog.resolve(nameOrFile));
  }

  async findBest(keyword: string): Promise<RunbookSummary> {
    await this.ready();
    try {
      return this.includes.withIncluded(this.catalog.resolve(keyword));
    } catch (error) {
      const best = this.index.search(keyword, 1)[0];
      if (best) return this.includes.withIncluded(this.catalog.resolve(best.name));
      throw error;
    }
  }

  /** With the variables of the runbooks it includes (see IncludeGraph), as every listing. */
  async read(name: string): Promise<Runbook> {
    const summary = await this.resolve(name);
    const runbook = await this.files.read(summary);
    return { ...runbook, variables: summary.variables };
  }

  /**
   * The texts a render of the runbook reads: its body, then each included runbook's body (a
   * missing or cyclic include is left out). For what the bodies use: env paths, variables.
   */
  templateTexts(name: string): Promise<string[]> {
    return this.renderer.templateTexts(name);
  }

  async search(query: string, limit = 10): Promise<SearchHit[]> {
    await this.ready();
    return this.index.search(query, limit);
  }

  /** A page of hits (identical copies folded into one) and how many results there are. */
  async searchPage(query: string, options: SearchOptions = {}): Promise<SearchPage> {
    await this.ready();
    return this.index.query(query, options);
  }

  async variables(name: string): Promise<VariableSpec[]> {
    return (await this.resolve(name)).variables;
  }

  /** Strict: a missing value is an error. Remembers the secrets it was given, for the logs. */
  render(name: string, request: RenderRequest = {}): Promise<string> {
    return this.renderer.render(name, request);
  }

  /** A render that starts a run: the text, and a run id for create_runbook_log's receipt. */
  async renderRun(
    name: string,
    request: RenderRequest = {},
  ): Promise<{ text: string; runId: string }> {
    const summary = await this.resolve(name);
    const text = await this.render(summary.name, request);
    const run = await startedRun(this.root, summary, request, this.profile);
    return { text, runId: this.runs.start(run) };
  }

  /** Lenient: what is missing is marked and listed, as the live preview shows it. */
  preview(name: string, request: PreviewRequest = {}): Promise<LenientRender> {
    return this.renderer.preview(name, request);
  }

  async missing(name: string, request: RenderRequest = {}): Promise<Unresolved[]> {
    return (await this.preview(name, request)).unresolved;
  }

  env(profile?: string): Promise<LoadedEnv> {
    return this.envCache.load(profile ?? this.profile);
  }

  profiles(): Promise<string[]> {
    return this.envCache.profiles();
  }

  async create(
    name: string,
    content: string,
    options: { overwrite?: boolean } = {},
  ): Promise<ReplacedRunbook> {
    await this.ready();
    const { relPath, backupPath } = await this.files.create(name, content, options, this.catalog);
    return { ...(await this.refreshOne(relPath)), backupPath };
  }

  async save(
    name: string,
    content: string,
    options: { baseMtimeMs?: number } = {},
  ): Promise<ReplacedRunbook> {
    await this.ready();
    const summary = this.catalog.resolveExact(name);
    const backupPath = await this.files.save(summary, content, options.baseMtimeMs);
    return { ...(await this.refreshOne(summary.path)), backupPath };
  }

  async rename(from: string, to: string): Promise<RunbookSummary> {
    await this.ready();
    const summary = this.catalog.resolveExact(from);
    const relPath = await this.files.rename(summary, to, this.catalog);
    await this.applyChanges([summary.path, relPath]);
    return this.includes.withIncluded(this.catalog.resolve(relPath));
  }

  /** The exact name only (see Catalog.resolveExact); the file goes to `.trash/`. */
  async delete(name: string): Promise<{ name: string; trashPath: string }> {
    await this.ready();
    const summary = this.catalog.resolveExact(name);
    const trashPath = await this.files.trash(summary);
    await this.applyChanges([summary.path]);
    return { name: summary.name, trashPath };
  }

  async restore(trashPath: string): Promise<RunbookSummary> {
    await this.ready();
    const relPath = await this.files.restore(trashPath);
    return this.refreshOne(relPath);
  }

  /** Written redacted (see RedactedLogs), with a receipt of the run. */
  appendLog(
    name: string,
    text: string,
    vars: Record<string, string> = {},
    report: RunReport = {},
  ): Promise<LogEntry> {
    return this.logs.append(name, text, vars, report);
  }

  logReceipt(name: string, id: string): Promise<Receipt | undefined> {
    return this.logs.receipt(name, id);
  }

  listLogs(name: string): Promise<LogEntry[]> {
    return this.logs.list(name);
  }

  readLog(name: string, id: string): Promise<string> {
    return this.logs.read(name, id);
  }

  latestLog(name: string): Promise<{ entry: LogEntry; text: string } | undefined> {
    return this.logs.latest(name);
  }

  async applyChanges(relativePaths: string[]): Promise<ChangeEvent> {
    await this.ready();
    return this.sync.apply(relativePaths);
  }

  /** Cheap when nothing changed (see IndexSync.rescan); runs even while the folder is gone. */
  async reindex(): Promise<ChangeEvent> {
    await this.ready().catch(() => undefined);
    return this.sync.rescan();
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    return this.sync.onChange(listener);
  }

  /**
   * Resolves once the index cache is not being written, so a process can exit without leaving a
   * half-written temporary file beside it. Scans and the watcher are not waited for.
   */
  idle(): Promise<void> {
    return this.sync.idle();
  }

  skipped(): Skip[] {
    return this.indexer.skipped();
  }

  private async refreshOne(relPath: string): Promise<RunbookSummary> {
    await this.applyChanges([relPath]);
    return this.includes.withIncluded(this.catalog.resolve(relPath));
  }
}
