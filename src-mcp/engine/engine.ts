/**
 * The one engine every face calls: store + env + templating + search index + logs.
 * Data flows one way: files → catalog → index → faces; changes flow back through onChange.
 */
import path from 'node:path';
import { Catalog } from './catalog.js';
import { EnvCache } from './env-cache.js';
import { FolderBoundary } from './folder-boundary.js';
import { loadIncludes, type IncludeSource } from './include.js';
import { IncludeGraph } from './include-graph.js';
import { LogStore } from './logs.js';
import type { Receipt } from './receipt.js';
import { draftReceipt, receiptOfLog, type RunReport } from './receipt-log.js';
import { RunMemory, startedRun } from './run-memory.js';
import { defaultLogsDir } from './paths.js';
import { redact, secretEnvValues, secretVarValues } from './redact.js';
import { SecretMemory, rememberRender } from './secret-memory.js';
import { normalizeNameInput } from './names.js';
import { RunbookFiles, type ReplacedRunbook } from './runbook-files.js';
import { prepareRender } from './render-request.js';
import { SearchIndex, type SearchOptions } from './search.js';
import { Indexer } from './indexer.js';
import { changedAnything, IndexCacheStore } from './index-cache-store.js';
import { renderLenient, renderStrict } from './template.js';
import type {
  ChangeEvent,
  EnvMapping,
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

export interface RenderRequest {
  vars?: Record<string, string>;
  /** Overrides the engine's profile for this call. */
  profile?: string;
}

export interface PreviewRequest extends RenderRequest {
  /** Render this text instead of the file (unsaved editor content, front matter allowed). */
  content?: string;
}

export interface LoadedEnv {
  env: EnvMapping;
  /** Files that were read, in merge order. */
  files: string[];
}

export type ChangeListener = (event: ChangeEvent) => void;

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
  private readonly cache: IndexCacheStore | undefined;
  private readonly envCache: EnvCache;
  private readonly logs: LogStore;
  private readonly files: RunbookFiles;
  private readonly indexer: Indexer;
  private readonly listeners = new Set<ChangeListener>();
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
    this.logs = new LogStore(this.logsDir);
    this.files = new RunbookFiles(this.root, boundary);
    // Snippets read the few bodies a page shows from their files: no body stays in memory.
    this.index = new SearchIndex((name) => this.bodyOf(name));
    this.indexer = new Indexer(boundary, this.catalog, this.index, this.envCache, options.onSkip);
    this.cache =
      options.cacheDir === undefined
        ? undefined
        : IndexCacheStore.open(
            options.cacheDir,
            this.root,
            boundary.followOutsideLinks,
            this.catalog,
            this.index,
          );
    this.initial = this.firstScan();
    // A failed first scan is reported by every call that awaits ready(); never an unhandled rejection.
    this.initial.catch(() => undefined);
  }

  /** The cache (when it checks out), then a scan that reads only what changed since. */
  private async firstScan(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const restored = this.cache?.restore() ?? false;
    const event = await this.indexer.scanAll();
    if (!restored || changedAnything(event)) this.cache?.writeSoon();
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
  async templateTexts(name: string): Promise<string[]> {
    const runbook = await this.read(name);
    const loaded = await loadIncludes(runbook, this.includeSource(), { lenient: true });
    return [runbook.body, ...loaded.runbooks.map((r) => r.body)];
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

  async render(name: string, request: RenderRequest = {}): Promise<string> {
    const runbook = await this.read(name);
    // First: even a render that fails received the secret values, and they can come back in a log.
    rememberRender(this.renderedSecrets, runbook, { vars: request.vars ?? {}, env: {} }, '');
    const included = await loadIncludes(runbook, this.includeSource());
    const prepared = await prepareRender(runbook, request, (p) => this.env(p), { included });
    const text = renderStrict(runbook.body, prepared.context);
    // Then the secret defaults and the secret env values the text shows.
    rememberRender(this.renderedSecrets, runbook, prepared.context, text);
    return text;
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

  async preview(name: string, request: PreviewRequest = {}): Promise<LenientRender> {
    const stored = await this.read(name);
    const runbook =
      request.content === undefined
        ? stored
        : this.includes.withIncluded(this.files.parse(stored, request.content), { fresh: true });
    const included = await loadIncludes(runbook, this.includeSource(), { lenient: true });
    const prepared = await prepareRender(runbook, request, (p) => this.env(p), {
      lenient: true,
      included,
    });
    const result = renderLenient(runbook.body, prepared.context);
    rememberRender(this.renderedSecrets, runbook, prepared.context, result.text);
    return { ...result, diagnostics: [...prepared.diagnostics, ...result.diagnostics] };
  }

  async missing(name: string, request: RenderRequest = {}): Promise<Unresolved[]> {
    return (await this.preview(name, request)).unresolved;
  }

  /** Included runbooks are found by their exact names, inside the folder like every other. */
  private includeSource(): IncludeSource {
    return {
      read: async (name) => {
        const summary = this.catalog.exact(name);
        return summary && this.files.read(summary).catch(() => undefined);
      },
      suggest: (name) => this.catalog.suggest(name),
    };
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

  /**
   * Redacts secret variable values (given here or rendered earlier by this engine), secret-looking
   * env values and credential shapes, then writes.
   */
  async appendLog(
    name: string,
    text: string,
    vars: Record<string, string> = {},
    report: RunReport = {},
  ): Promise<LogEntry> {
    // An unknown or ambiguous name is an error with suggestions: a log must belong to a runbook.
    const summary = await this.resolve(name);
    const secrets = [...secretVarValues(vars, summary.variables), ...(await this.knownSecrets())];
    const context = { root: this.root, runs: this.runs, profile: this.profile, secrets };
    const receipt = await draftReceipt(summary, report, context);
    return this.logs.append(summary.name, redact(text, secrets), undefined, receipt);
  }

  /** The receipt at the head of a log, read back redacted; undefined for a log without one. */
  async logReceipt(name: string, id: string): Promise<Receipt | undefined> {
    return receiptOfLog(id, await this.readLog(name, id));
  }

  async listLogs(name: string): Promise<LogEntry[]> {
    const summary = await this.logName(name);
    return this.logs.list(summary.name);
  }

  async readLog(name: string, id: string): Promise<string> {
    const summary = await this.logName(name);
    // Read back redacted too: a log written before a secret was known, or by an older version.
    return redact(await this.logs.read(summary.name, id), await this.knownSecrets());
  }

  /** The past-run example: the latest successful run (by its receipt), else the latest log. */
  async latestLog(name: string): Promise<{ entry: LogEntry; text: string } | undefined> {
    const summary = await this.logName(name);
    const latest = await this.logs.pastRun(summary.name);
    return latest && { ...latest, text: redact(latest.text, await this.knownSecrets()) };
  }

  /** Secret values rendered by this engine and secret-looking env values. */
  private async knownSecrets(): Promise<string[]> {
    // A broken env.yaml must not lose a log; its values just cannot be redacted by name.
    const env = await this.env().then(
      (loaded) => loaded.env,
      () => ({}),
    );
    return [...this.renderedSecrets.all(), ...secretEnvValues(env)];
  }

  async applyChanges(relativePaths: string[]): Promise<ChangeEvent> {
    await this.ready();
    const event = await this.indexer.apply(relativePaths);
    if (changedAnything(event)) this.cache?.writeLater();
    this.includes.update(event);
    return this.emit(event);
  }

  /** Cheap when nothing changed: a walk and a stat per file; only changed files are read. */
  async reindex(): Promise<ChangeEvent> {
    await this.ready().catch(() => undefined);
    const event = await this.indexer.scanAll();
    if (changedAnything(event)) this.cache?.writeSoon();
    this.includes.update(event);
    return this.emit(event);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  skipped(): Skip[] {
    return this.indexer.skipped();
  }

  /**
   * The runbook whose logs are meant: the exact name in the catalog; else, when the runbook was
   * deleted, the exact name its logs are stored under; else the fuzzy resolve (and its errors).
   */
  private async logName(name: string): Promise<{ name: string }> {
    await this.ready();
    const exact = this.catalog.get(name) ?? this.catalog.get(normalizeNameInput(name));
    if (exact) return exact;
    for (const stored of new Set([name, normalizeNameInput(name)])) {
      if (stored && (await this.logs.list(stored).catch(() => [])).length) return { name: stored };
    }
    return this.resolve(name);
  }

  private async refreshOne(relPath: string): Promise<RunbookSummary> {
    await this.applyChanges([relPath]);
    return this.includes.withIncluded(this.catalog.resolve(relPath));
  }

  private emit(event: ChangeEvent): ChangeEvent {
    const empty =
      !event.added.length && !event.changed.length && !event.removed.length && !event.envChanged;
    if (!empty) for (const listener of this.listeners) listener(event);
    return event;
  }
}
