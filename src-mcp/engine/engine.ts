/**
 * The one engine every face calls: store + env + templating + search index + logs.
 * (Signatures fixed first so the faces can be built against them; bodies land with the store.)
 */
import type {
  ChangeEvent,
  LenientRender,
  LogEntry,
  Runbook,
  RunbookSummary,
  SearchHit,
  Skip,
  Unresolved,
  VariableSpec,
  EnvMapping,
} from './types.js';

export interface EngineOptions {
  /** The runbook folder (absolute or relative to cwd). */
  dir: string;
  /** Where execution logs go; default: `<app data>/logs`. */
  logsDir?: string;
  /** Env profile: `env.<profile>.yaml` deep-merged over `env.yaml`. */
  profile?: string;
}

export interface RenderRequest {
  vars?: Record<string, string>;
  /** Overrides the engine's profile for this call. */
  profile?: string;
}

export interface PreviewRequest extends RenderRequest {
  /** Render this text instead of the file's body (unsaved editor content, front matter allowed). */
  content?: string;
}

export interface LoadedEnv {
  env: EnvMapping;
  /** Files that were read, in merge order. */
  files: string[];
}

export type ChangeListener = (event: ChangeEvent) => void;

export declare class Engine {
  readonly root: string;
  readonly logsDir: string;
  readonly profile: string | undefined;
  static open(options: EngineOptions): Engine;
  /** Resolves once the first scan and index build are done (they run in the background). */
  ready(): Promise<void>;
  list(): Promise<RunbookSummary[]>;
  /** Exact name, or a bare file name unique in the folder. Throws not-found (with suggestions) or ambiguous. */
  resolve(nameOrFile: string): Promise<RunbookSummary>;
  /** resolve(), else the best search hit (the earlier tool's prompt behaviour). */
  findBest(keyword: string): Promise<RunbookSummary>;
  read(name: string): Promise<Runbook>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  variables(name: string): Promise<VariableSpec[]>;
  /** Strict render: throws missing-values listing every missing var and env path with its line. */
  render(name: string, request?: RenderRequest): Promise<string>;
  /** Lenient render for previews: text with unresolved placeholders marked, plus diagnostics. */
  preview(name: string, request?: PreviewRequest): Promise<LenientRender>;
  /** What a strict render would miss, without throwing. */
  missing(name: string, request?: RenderRequest): Promise<Unresolved[]>;
  env(profile?: string): Promise<LoadedEnv>;
  profiles(): Promise<string[]>;
  create(name: string, content: string, options?: { overwrite?: boolean }): Promise<RunbookSummary>;
  /** Atomic save. With `baseMtimeMs`, throws conflict if the file changed on disk since then. */
  save(name: string, content: string, options?: { baseMtimeMs?: number }): Promise<RunbookSummary>;
  rename(from: string, to: string): Promise<RunbookSummary>;
  /** Moves the file to `.trash/` inside the folder; returns where, for undo. */
  delete(name: string): Promise<{ trashPath: string }>;
  restore(trashPath: string): Promise<RunbookSummary>;
  appendLog(name: string, text: string, vars?: Record<string, string>): Promise<LogEntry>;
  listLogs(name: string): Promise<LogEntry[]>;
  readLog(name: string, id: string): Promise<string>;
  /** Apply file-system changes (folder-relative paths) reported by a watcher; updates the index incrementally. */
  applyChanges(relativePaths: string[]): Promise<ChangeEvent>;
  /** Full rescan (the earlier tool's reindex). */
  reindex(): Promise<ChangeEvent>;
  onChange(listener: ChangeListener): () => void;
  skipped(): Skip[];
}
