/**
 * Transport names of the app API. Kept apart from the schemas so the renderer can import them
 * without bundling zod; contract.ts re-exports them.
 */

/** Electron: the preload exposes an AppBridge under this global name. */
export const BRIDGE_GLOBAL = 'runbookBridge';
/** Electron: `ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args)` → CallOutcome. */
export const IPC_CALL_CHANNEL = 'runbook-api:call';
/** Electron: main → renderer AppEvent messages. */
export const IPC_EVENT_CHANNEL = 'runbook-api:event';
/** HTTP: `POST /api/call/<method>` with the JSON arguments as body → CallOutcome. */
export const HTTP_CALL_PREFIX = '/api/call/';
/** HTTP: server-sent events, one AppEvent as JSON per `data:` line. */
export const HTTP_EVENTS_PATH = '/api/events';
/**
 * HTTP: `GET` → the answers to these argument-free calls, `{ [method]: CallOutcome }`. index.html
 * preloads it, so the library's list travels while the page's script loads; a page uses each
 * answer once.
 */
export const HTTP_BOOT_PATH = '/api/boot';
export const HTTP_BOOT_CALLS = ['listBrief', 'favourites', 'info'] as const;
