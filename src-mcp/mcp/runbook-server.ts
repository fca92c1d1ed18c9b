/**
 * The MCP server over the engine: tools, prompts, resources and completions, kept live by the
 * folder watcher. Nothing but protocol goes to stdout; diagnostics go to stderr.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { appVersion } from '../engine/app-version.js';
import { Engine } from '../engine/engine.js';
import { indexCacheDir } from '../engine/paths.js';
import { watchRunbookFolder, type FolderWatcher } from '../engine/watcher.js';
import { registerApprovalTools } from './approval-tools.js';
import { registerCompletions } from './completions.js';
import { registerEditTools } from './edit-tools.js';
import { registerLogTools } from './log-tools.js';
import { PromptCatalog } from './prompt-catalog.js';
import { readFavourites, type PromptFavourites } from './prompt-policy.js';
import { registerRunbookPrompts } from './prompts.js';
import { registerReadTools } from './read-tools.js';
import { registerRunbookResources } from './resources.js';
import { registerRunFormTools } from './run-form-tools.js';
import { registerScheduleTools } from './schedule-tools.js';
import { LineStdioTransport } from './stdio-transport.js';
import { describeError } from './tool-result.js';

const SERVER_NAME = 'runbook-companion';

interface RunbookServerOptions {
  /** Add each runbook's latest execution log to its prompt, as an example of a past run. */
  includeLastLog?: boolean;
  /** Pinned and recent runbooks: listed as prompts in a folder too large to list them all. */
  favourites?: () => PromptFavourites;
}

export interface McpRunOptions extends RunbookServerOptions {
  dir: string;
  logs?: string;
  profile?: string;
  /** Serve links to outside the runbook folder (the app's opt-in setting; default off). */
  followOutsideLinks?: boolean;
  /** Follow the folder live (default true). */
  watch?: boolean;
}

const INSTRUCTIONS =
  'Runbook Companion serves operational runbooks from a folder. Find one with search_runbooks or ' +
  'list_runbooks, read it filled in with get_runbook, carry it out with the tools you have, ask the ' +
  'user with request_approval before risky steps, and save what happened with create_runbook_log.';

function createRunbookServer(engine: Engine, options: RunbookServerOptions = {}): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: appVersion() },
    { instructions: INSTRUCTIONS },
  );
  const catalog = new PromptCatalog(engine, options.favourites);
  registerReadTools(server, engine);
  registerEditTools(server, engine);
  registerLogTools(server, engine);
  registerApprovalTools(server);
  registerRunFormTools(server, engine, options);
  registerScheduleTools(server, engine);
  const dropResourceOrder = registerRunbookResources(server, engine);
  registerRunbookPrompts(server, engine, catalog, options);
  registerCompletions(server, engine, catalog);
  const stop = engine.onChange((event) => {
    catalog.invalidate();
    dropResourceOrder();
    if (!event.listChanged) return;
    server.sendPromptListChanged();
    server.sendResourceListChanged();
  });
  server.server.onclose = stop;
  return server;
}

/** Serves one client on stdin/stdout until it disconnects. */
export async function runMcpServer(options: McpRunOptions): Promise<void> {
  const engine = Engine.open({
    dir: options.dir,
    logsDir: options.logs,
    profile: options.profile,
    followOutsideLinks: options.followOutsideLinks,
    cacheDir: indexCacheDir(),
    onSkip: logSkip,
  });
  const server = createRunbookServer(engine, { favourites: () => readFavourites(), ...options });
  const transport = new LineStdioTransport();
  const closed = new Promise<void>((resolve) => {
    const previous = server.server.onclose;
    server.server.onclose = () => {
      previous?.();
      resolve();
    };
  });
  // Connect before the folder is scanned: the client's initialize must not wait for the index.
  await server.connect(transport);
  process.stdin.once('end', () => void server.close());
  // The client went away mid-write: nothing left to serve, but no crash report either.
  process.stdout.on('error', () => void server.close());
  // One bad request must never take the server down for the client's whole session.
  process.on('unhandledRejection', (reason) => log(`internal error: ${describeError(reason)}`));
  void engine.count().then(
    (count) => log(`serving ${count} runbooks from ${engine.root}`),
    (error: unknown) => log(`cannot read the runbook folder: ${describeError(error)}`),
  );
  const watcher = options.watch === false ? undefined : startWatcher(engine);
  await closed;
  await watcher?.close();
  await engine.idle();
}

function startWatcher(engine: Engine): FolderWatcher {
  const watcher = watchRunbookFolder(engine, {
    afterScan: engine.ready(),
    onStatus: (status) =>
      log(status.state === 'watching' ? `watching ${engine.root} again` : status.message),
    onError: (error) => log(`watcher: ${describeError(error)}`),
  });
  // Said once the watch is set up: from here on a change on disk reaches the client.
  void watcher.ready.then(() => {
    if (watcher.status().state === 'watching') log(`${WATCHING} ${engine.root}`);
  });
  return watcher;
}

function logSkip(skip: { path: string; reason: string; detail?: string }): void {
  log(`skipped ${skip.path}: ${skip.reason}${skip.detail ? ` (${skip.detail})` : ''}`);
}

/** The stderr line that says the watcher is ready (tests wait for it). */
export const WATCHING = 'watching for changes in';

function log(message: string): void {
  process.stderr.write(`runbook mcp: ${message}\n`);
}
