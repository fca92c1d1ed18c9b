/**
 * The one engine every face calls: store + env + templating + search index + logs.
 * Data flows one way: files → catalog → index → faces; changes flow back through onChange.
 */
import path from 'node:path';
import { Catalog } from './catalog.js';
import { EnvCache } from './env-cache.js';
import { LogStore } from './logs.js';
import { defaultLogsDir } from './paths.js';
import { redact, secretEnvValues, secretVarValues } from './redact.js';
import { RunbookFiles } from './runbook-files.js';
import { prepareRender } from './render-request.js';
import { SearchIndex } from './search.js';
import { Indexer } from './indexer.js';
import { renderLenient, renderStrict } from './template.js';
import type {
  ChangeEvent,
  EnvMapping,
  LenientRender,
  LogEntry,
  Runbook,
  RunbookSummary,
  SearchHit,
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
  private readonly index = new SearchIndex();
  private readonly envCache: EnvCache;
  private readonly logs: LogStore;
  private readonly files: RunbookFiles;
  private readonly indexer: Indexer;
  private readonly listeners = new Set<ChangeListener>();
  private readonly initial: Promise<void>;

  private constructor(options: EngineOptions) {
    this.options = { ...options };
    this.root = path.resolve(options.dir);
    this.logsDir = path.resolve(options.logsDir ?? defaultLogsDir());
    this.profile = options.profile;
    this.envCache = new EnvCache(this.root);
    this.logs = new LogStore(this.logsDir);
    this.files = new RunbookFiles(this.root);
    this.indexer = new Indexer(this.root, this.catalog, this.index, this.envCache, options.onSkip);
    this.initial = this.indexer.scanAll().then(() => undefined);
    // A failed first scan is reported by every call that awaits ready(); never an unhandled rejection.
    this.initial.catch(() => undefined);
  }

  /** Starts the first scan in the background and returns at once (the MCP server must answer fast). */
  static open(options: EngineOptions): Engine {
    return new Engine(options);
  }

  ready(): Promise<void> {
    return this.initial;
  }

  async list(): Promise<RunbookSummary[]> {
    await this.ready();
    return this.catalog.list();
  }

  async resolve(nameOrFile: string): Promise<RunbookSummary> {
    await this.ready();
    return this.catalog.resolve(nameOrFile);
  }

  async findBest(keyword: string): Promise<RunbookSummary> {
    await this.ready();
    try {
      return this.catalog.resolve(keyword);
    } catch (error) {
      const best = this.index.search(keyword, 1)[0];
      if (best) return this.catalog.resolve(best.name);
      throw error;
    }
  }

  async read(name: string): Promise<Runbook> {
    const summary = await this.resolve(name);
    return this.files.read(summary);
  }

  async search(query: string, limit = 10): Promise<SearchHit[]> {
    await this.ready();
    return this.index.search(query, limit);
  }

  async variables(name: string): Promise<VariableSpec[]> {
    return (await this.resolve(name)).variables;
  }

  async render(name: string, request: RenderRequest = {}): Promise<string> {
    const runbook = await this.read(name);
    const prepared = await prepareRender(runbook, request, (p) => this.env(p));
    return renderStrict(runbook.body, prepared.context);
  }

  async preview(name: string, request: PreviewRequest = {}): Promise<LenientRender> {
    const stored = await this.read(name);
    const runbook =
      request.content === undefined ? stored : this.files.parse(stored, request.content);
    const prepared = await prepareRender(runbook, request, (p) => this.env(p), { lenient: true });
    const result = renderLenient(runbook.body, prepared.context);
    return { ...result, diagnostics: [...prepared.diagnostics, ...result.diagnostics] };
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
  ): Promise<RunbookSummary> {
    await this.ready();
    const relPath = await this.files.create(name, content, options, this.catalog);
    return this.refreshOne(relPath);
  }

  async save(
    name: string,
    content: string,
    options: { baseMtimeMs?: number } = {},
  ): Promise<RunbookSummary> {
    const summary = await this.resolve(name);
    await this.files.save(summary, content, options.baseMtimeMs);
    return this.refreshOne(summary.path);
  }

  async rename(from: string, to: string): Promise<RunbookSummary> {
    const summary = await this.resolve(from);
    const relPath = await this.files.rename(summary, to, this.catalog);
    await this.applyChanges([summary.path, relPath]);
    return this.catalog.resolve(relPath);
  }

  async delete(name: string): Promise<{ trashPath: string }> {
    const summary = await this.resolve(name);
    const trashPath = await this.files.trash(summary);
    await this.applyChanges([summary.path]);
    return { trashPath };
  }

  async restore(trashPath: string): Promise<RunbookSummary> {
    await this.ready();
    const relPath = await this.files.restore(trashPath);
    return this.refreshOne(relPath);
  }

  /** Redacts secret variable values, secret-looking env values and credential shapes, then writes. */
  async appendLog(
    name: string,
    text: string,
    vars: Record<string, string> = {},
  ): Promise<LogEntry> {
    // An unknown or ambiguous name is an error with suggestions: a log must belong to a runbook.
    const summary = await this.resolve(name);
    // A broken env.yaml must not lose the log; its values just cannot be redacted by name.
    const env = await this.env().then(
      (loaded) => loaded.env,
      () => ({}),
    );
    const secrets = [...secretVarValues(vars, summary.variables), ...secretEnvValues(env)];
    return this.logs.append(summary.name, redact(text, secrets));
  }

  async listLogs(name: string): Promise<LogEntry[]> {
    const summary = await this.resolve(name);
    return this.logs.list(summary.name);
  }

  async readLog(name: string, id: string): Promise<string> {
    const summary = await this.resolve(name);
    return this.logs.read(summary.name, id);
  }

  async latestLog(name: string): Promise<{ entry: LogEntry; text: string } | undefined> {
    const summary = await this.resolve(name);
    return this.logs.latest(summary.name);
  }

  async applyChanges(relativePaths: string[]): Promise<ChangeEvent> {
    await this.ready();
    return this.emit(await this.indexer.apply(relativePaths));
  }

  async reindex(): Promise<ChangeEvent> {
    await this.ready().catch(() => undefined);
    return this.emit(await this.indexer.scanAll());
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  skipped(): Skip[] {
    return this.indexer.skipped();
  }

  private async refreshOne(relPath: string): Promise<RunbookSummary> {
    await this.applyChanges([relPath]);
    return this.catalog.resolve(relPath);
  }

  private emit(event: ChangeEvent): ChangeEvent {
    const empty =
      !event.added.length && !event.changed.length && !event.removed.length && !event.envChanged;
    if (!empty) for (const listener of this.listeners) listener(event);
    return event;
  }
}
