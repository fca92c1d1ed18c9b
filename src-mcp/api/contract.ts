/**
 * The one app API: every call the UI makes, with its argument schema and result type.
 * The service implements it once over the Engine; the web host (one HTTP route) and the Electron
 * preload (one IPC channel) carry it unchanged. Adding a call touches this table and its handler.
 */
import { z } from 'zod';
import type { SerializedRunbookError } from '../engine/errors.js';
import {
  MAX_NAME_LENGTH,
  MAX_PATH_LENGTH,
  MAX_PROFILE_LENGTH,
  MAX_QUERY_LENGTH,
} from '../engine/limits.js';
import type {
  ChangeEvent,
  Diagnostic,
  LenientRender,
  LogEntry,
  Runbook,
  RunbookSummary,
  SearchPage,
  Skip,
  VariableSpec,
} from '../engine/types.js';
import type { Receipt } from '../engine/receipt.js';
import type { HistoryVersion } from '../engine/history.js';
import type { RunbookHistory } from '../engine/history-runbook.js';
import type { DueRunbook } from '../engine/schedule-due.js';
import type { TrashEntry } from '../engine/trash-bin.js';
import type { AppSettings } from '../engine/settings.js';
import type { WatchStatus } from '../engine/watcher.js';
import type { ClientId } from '../clients/client-spec.js';
import type { ConfigStatus } from '../clients/config-status.js';
import type { ConfigChangePlan, ConfigChangeResult } from '../clients/install.js';
import type { ServerLaunch } from '../clients/launch.js';
import type { ConnectionReport } from '../clients/test-connection.js';

/** Phantom carrier of a call's result type; it holds no value at run time. */
interface Returns<R> {
  readonly __result?: R;
}
const returns = <R>(): Returns<R> => ({});

interface CallSpec<A extends z.ZodType, R> {
  readonly args: A;
  readonly returns: Returns<R>;
}
const call = <A extends z.ZodType, R>(args: A, result: Returns<R>): CallSpec<A, R> => ({
  args,
  returns: result,
});

const none = z.object({}).strict();
const runbookName = z.string().min(1).max(MAX_NAME_LENGTH).describe('Folder-relative runbook name');
const values = z.record(z.string(), z.string()).describe('Variable values by name');
const profile = z
  .string()
  .min(1)
  .max(MAX_PROFILE_LENGTH)
  .optional()
  .describe('Env profile (env.<profile>.yaml)');
const trashPath = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .describe('.trash/<time>/<path>, as trashList gives it');
const clientId = z.enum(['claude', 'cursor', 'vscode'] satisfies ClientId[]);
const clientChange = z
  .object({
    client: clientId,
    action: z.enum(['install', 'uninstall']),
    replaceLegacy: z.boolean().optional().describe('Replace the earlier Python tool entry'),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Entry name in the server map; defaults to "runbook" (or where ours already is)'),
    force: z.boolean().optional().describe('Replace another program under that name'),
    /** The `before` text of the plan the user reviewed: the write is refused if the file changed. */
    expectedBefore: z.string().optional(),
  })
  .strict();

/** A log in the list across all runbooks: its outcome (from the receipt) and where it starts. */
export interface LogOverview extends LogEntry {
  title?: string;
  outcome?: 'success' | 'failure' | 'partial';
  profile?: string;
  /** The first lines of the (redacted) log, shortened. */
  excerpt: string;
}

export interface FolderInfo {
  root: string;
  logsDir: string;
  profile: string | undefined;
  profiles: string[];
  skipped: Skip[];
  watch: WatchStatus;
}

/**
 * What the library's sidebar needs of a runbook, and no more: at 10,000 runbooks the full
 * summaries are 4 MB, this a third of it. Fields at their usual value are left out.
 */
export interface RunbookBrief {
  name: string;
  title: string;
  /** The file's extension when it is not `.md`. */
  ext?: string;
  tags?: string[];
  /** Some variable must be given a value before it renders. */
  needsValues?: true;
}

/** The sidebar's list, with the revision it was taken at (see AppEvent `sync`). */
export interface RunbookList {
  revision: string;
  runbooks: RunbookBrief[];
}

/** A file in `.trash/`; `taken`: a runbook has its name now, so restore needs another name. */
export type TrashItem = TrashEntry & { taken: boolean };

export interface TemplateInfo {
  name: string;
  title: string;
  description: string;
}

/** Runbook names, as stored: the UI shows those that exist. */
export interface Favourites {
  pinned: string[];
  /** Newest first. */
  recent: string[];
}

export interface EnvDocument {
  /** Folder-relative file name: `env.yaml` or `env.<profile>.yaml`. */
  file: string;
  exists: boolean;
  text: string;
  mtimeMs: number | undefined;
  /** The merged mapping the templates see (base + profile); empty when a file does not parse. */
  env: Record<string, unknown>;
  problems: Diagnostic[];
}

export type { ConfigStatus, ConfigChangePlan, ConfigChangeResult };

export interface ClientOverview {
  status: ConfigStatus;
  /** What install writes: the server this app would start. */
  launch: ServerLaunch;
  /** Claude Desktop only: whether it runs now (undefined where the OS gives no way to tell). */
  running?: boolean;
  /** Shown before a write while the client runs: it may overwrite the file on exit. */
  runningWarning?: string;
  restartHint: string;
  /**
   * Claude Desktop only: the one-click extension (.mcpb) this app ships or a checkout built, the
   * alternative to editing the config file. Absent when there is none.
   */
  extensionFile?: string;
}

/** `configured`: the entry in the file was tested; otherwise what install would write. */
export type ClientTestResult = ConnectionReport & { launch: ServerLaunch; configured: boolean };

export const apiContract = {
  info: call(none, returns<FolderInfo>()),
  list: call(none, returns<RunbookSummary[]>()),
  listBrief: call(none, returns<RunbookList>()),
  search: call(
    z.object({
      query: z.string().max(MAX_QUERY_LENGTH),
      limit: z.number().int().min(1).max(200).optional(),
      offset: z.number().int().min(0).max(100_000).optional(),
    }),
    returns<SearchPage>(),
  ),
  read: call(z.object({ name: runbookName }), returns<Runbook>()),
  variables: call(z.object({ name: runbookName }), returns<VariableSpec[]>()),
  save: call(
    z.object({ name: runbookName, content: z.string(), baseMtimeMs: z.number().optional() }),
    returns<RunbookSummary>(),
  ),
  create: call(
    z.object({ name: runbookName, content: z.string().optional() }),
    returns<RunbookSummary>(),
  ),
  rename: call(z.object({ from: runbookName, to: runbookName }), returns<RunbookSummary>()),
  delete: call(z.object({ name: runbookName }), returns<{ trashPath: string }>()),
  restore: call(z.object({ trashPath: z.string().min(1) }), returns<RunbookSummary>()),
  /** The Trash view: what `.trash/` holds, newest first. */
  trashList: call(none, returns<TrashItem[]>()),
  /** Puts a trashed runbook back, or under `as`; never over a runbook (`exists` says so). */
  trashRestore: call(
    z.object({ trashPath: trashPath, as: runbookName.optional() }),
    returns<RunbookSummary>(),
  ),
  /** A trashed file's text, to compare with the runbook there now. */
  trashRead: call(z.object({ trashPath }), returns<{ text: string }>()),
  /** Removes one file of `.trash/` for good (nothing outside `.trash/` can be named). */
  trashDelete: call(z.object({ trashPath }), returns<Record<string, never>>()),
  /** A copy under the first free name: `x-copy`, `x-copy-2`… */
  duplicate: call(z.object({ name: runbookName }), returns<RunbookSummary>()),
  /** Runbooks in a `templates/` folder or with `template: true`. */
  templates: call(none, returns<TemplateInfo[]>()),
  createFromTemplate: call(
    z.object({ template: runbookName, name: runbookName }),
    returns<RunbookSummary>(),
  ),
  favourites: call(none, returns<Favourites>()),
  pin: call(z.object({ name: runbookName, pinned: z.boolean() }), returns<Favourites>()),
  /** Opened or run in the app: first in Recent (the tray and the MCP prompt list read it too). */
  noteRecent: call(z.object({ name: runbookName }), returns<Favourites>()),
  preview: call(
    z.object({
      name: runbookName,
      content: z.string().optional(),
      vars: values.optional(),
      profile,
    }),
    returns<LenientRender>(),
  ),
  render: call(
    z.object({ name: runbookName, vars: values.optional(), profile }),
    returns<{ text: string }>(),
  ),
  promptText: call(
    z.object({
      name: runbookName,
      vars: values.optional(),
      profile,
      includeLastLog: z.boolean().optional(),
    }),
    returns<{ text: string }>(),
  ),
  profiles: call(none, returns<string[]>()),
  envRead: call(z.object({ profile }), returns<EnvDocument>()),
  envValidate: call(z.object({ text: z.string() }), returns<Diagnostic[]>()),
  envSave: call(
    z.object({ profile, text: z.string(), baseMtimeMs: z.number().optional() }),
    returns<EnvDocument>(),
  ),
  /** A new env.<profile>.yaml with a starter comment; refused ('exists') if it is there. */
  envCreateProfile: call(
    z.object({
      profile: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/)
        .max(MAX_PROFILE_LENGTH)
        .describe('Profile name: letters, digits, - and _'),
    }),
    returns<EnvDocument>(),
  ),
  logsList: call(z.object({ name: runbookName }), returns<LogEntry[]>()),
  /**
   * Shows the runbook's file in the file manager, or opens it in the default editor. In the
   * desktop app only: elsewhere `done` is false and the path is given to copy instead.
   */
  revealFile: call(
    z.object({ name: runbookName, action: z.enum(['reveal', 'open']) }),
    returns<{ done: boolean; path: string; reason?: string }>(),
  ),
  /** Logs of every runbook in the folder, newest first, with the outcome their receipt gives. */
  logsAll: call(
    z.object({ limit: z.number().int().min(1).max(1000).optional() }),
    returns<LogOverview[]>(),
  ),
  logsRead: call(
    z.object({ name: runbookName, id: z.string().min(1) }),
    returns<{ text: string }>(),
  ),
  /**
   * "Run again with these values": the log's receipt (absent for a log without one) and the
   * values it lets the run form fill in (secrets and unrecorded values are left out).
   */
  logReceipt: call(
    z.object({ name: runbookName, id: z.string().min(1).max(MAX_NAME_LENGTH) }),
    returns<{ receipt?: Receipt; values: Record<string, string>; profile?: string }>(),
  ),
  /** The git commits that touched the runbook; `unavailable` (why, and the fix) without git. */
  history: call(z.object({ name: runbookName }), returns<RunbookHistory>()),
  historyShow: call(
    z.object({ name: runbookName, revision: z.string().min(1).max(200) }),
    returns<HistoryVersion & { name: string }>(),
  ),
  due: call(none, returns<DueRunbook[]>()),
  settingsRead: call(none, returns<AppSettings>()),
  settingsSave: call(
    z.object({
      profile: z
        .string()
        .regex(/^[A-Za-z0-9_-]*$/)
        .optional(),
      shortcut: z.string().min(1).optional(),
      launchAtLogin: z.boolean().optional(),
      pinned: z.array(z.string()).optional(),
      followOutsideLinks: z
        .boolean()
        .optional()
        .describe('Serve links to outside the runbook folder; the app reopens the folder'),
      runbookDir: z
        .string()
        .min(1)
        .max(MAX_PATH_LENGTH)
        .optional()
        .describe('Absolute path of an existing folder; the app reopens on it'),
    }),
    returns<AppSettings>(),
  ),
  clientsOverview: call(none, returns<ClientOverview[]>()),
  clientPlan: call(clientChange, returns<ConfigChangePlan>()),
  clientApply: call(clientChange, returns<ConfigChangeResult>()),
  clientTest: call(z.object({ client: clientId }).strict(), returns<ClientTestResult>()),
} as const;

type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** Arguments as a caller writes them (optional fields may be left out). */
type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]['args']>;
/** Arguments as a handler receives them, after validation. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<ApiContract[M]['args']>;
export type ApiResult<M extends ApiMethod> =
  ApiContract[M]['returns'] extends Returns<infer R> ? R : never;

/** What the UI calls: `api.read({ name })`; calls without arguments take none. */
export type AppApi = {
  [M in ApiMethod]: (
    ...args: Record<string, never> extends ApiArgs<M> ? [args?: ApiArgs<M>] : [args: ApiArgs<M>]
  ) => Promise<ApiResult<M>>;
};

/** What the service implements: one handler per method, given validated arguments. */
export type ApiHandlers = {
  [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResult<M>>;
};

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}

/** Both transports carry this envelope, so a RunbookError arrives with its file, line and fix. */
export type CallOutcome<R = unknown> =
  { ok: true; value: R } | { ok: false; error: SerializedRunbookError };

/**
 * Pushed to every face when the folder changes or the watcher's state changes. `sync` opens the
 * web host's event stream, again at each reconnect, with the revision it opened at: a list taken
 * at another revision may have missed a change no event will tell, so the face loads anew. (The
 * tray's windows subscribe before they list, and IPC loses nothing: they get no `sync`.)
 */
export type AppEvent =
  | { type: 'sync'; revision: string }
  | { type: 'change'; change: ChangeEvent }
  | { type: 'watch'; status: WatchStatus };

/** The generic transport both faces provide; the renderer's typed proxy sits on top of it. */
export interface AppBridge {
  call(method: string, args: unknown): Promise<CallOutcome>;
  /** Returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}
