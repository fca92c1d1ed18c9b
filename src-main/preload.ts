/**
 * The renderer's whole view of the main process: the generic bridge of the app API contract,
 * one call channel and one event channel. Typed from the contract; lists no methods itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Constants from channels.ts, types from the contract: the sandboxed preload stays free of zod.
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../src-mcp/api/channels.js';
import type { AppBridge, AppEvent, CallOutcome } from '../src-mcp/api/contract.js';

const bridge: AppBridge = {
  call: (method, args) =>
    ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args) as Promise<CallOutcome>,
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
