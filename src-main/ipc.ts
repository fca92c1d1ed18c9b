/**
 * The one IPC channel: the renderer calls the app API by method name (src-mcp/api/contract.ts),
 * dispatched to the same service the web host uses. Only our own renderer pages may call.
 */
import { app, ipcMain, shell } from 'electron';
import type { CallOutcome } from '../src-mcp/api/contract.js';
import { IPC_CALL_CHANNEL } from '../src-mcp/api/channels.js';
import { dispatchCall } from '../src-mcp/api/dispatch.js';
import { createService } from '../src-mcp/api/service.js';
import type { SettingsStore } from '../src-mcp/api/conf-settings.js';
import { withRecent, type RecentStore } from '../src-mcp/api/recent-store.js';
import { RunbookError } from '../src-mcp/engine/errors.js';
import type { AppSettings } from '../src-mcp/engine/settings.js';
import type { AppContext } from './context.js';
import { appExtensionFile, appLaunch } from './packaged-launch.js';
import { copied } from './quick-copy.js';
import { isTrustedSender } from './renderer-url.js';
import { checkSettingsPatch } from './settings-options.js';

export function setupIpc(ctx: AppContext): void {
  // One service over the session: it reads the engine of the moment, so it follows folder changes.
  const service = createService(ctx.session, {
    clients: {
      launch: () => appLaunch(ctx.session.engine.root, appLocation()),
      extensionFile: () => appExtensionFile(appLocation()),
    },
    settings: electronSettings(ctx),
    recent: electronRecent(ctx),
    watchStatus: () => ctx.session.watchStatus(),
    shell,
  });

  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event, method: unknown, args: unknown): Promise<CallOutcome> => {
      if (!isTrustedSender(event.senderFrame?.url, ctx.appPath)) return refused();
      const name = typeof method === 'string' ? method : String(method);
      const outcome = await dispatchCall(service, name, args);
      const role = ctx.windows.roleOf(event.sender);
      if (outcome.ok && role !== 'main' && role !== undefined)
        quickWindowCopied(ctx, name, args, outcome.value);
      return outcome;
    },
  );
}

/**
 * The picker and fill windows exist to put one runbook on the clipboard: their successful render
 * is the copy. Main writes the clipboard (a hidden window cannot), confirms, and puts them away.
 */
function quickWindowCopied(ctx: AppContext, method: string, args: unknown, value: unknown): void {
  if (method !== 'render' && method !== 'promptText') return;
  const name = (args as { name?: unknown }).name;
  const text = (value as { text?: unknown }).text;
  if (typeof name !== 'string' || typeof text !== 'string') return;
  void ctx.session.engine
    .resolve(name)
    .then(
      (summary) => ({ name: summary.name, title: summary.title }),
      () => ({ name, title: name }),
    )
    .then((runbook) => {
      copied(ctx, runbook.name, runbook.title, text);
      ctx.windows.hideQuickWindows();
    });
}

function electronSettings(ctx: AppContext): SettingsStore {
  return {
    read: () => ctx.settings.store,
    update: (patch) => {
      const checked = checkSettingsPatch(patch);
      for (const [key, value] of Object.entries(checked) as [keyof AppSettings, unknown][]) {
        if (value === undefined || value === '') ctx.settings.delete(key);
        else ctx.settings.set(key, value);
      }
      return ctx.settings.store;
    },
  };
}

/** The tray's own state file, so its Recent menu follows what the window opened. */
function electronRecent(ctx: AppContext): RecentStore {
  return {
    read: () => ctx.trayState.get('recent'),
    push: (name) => {
      const next = withRecent(ctx.trayState.get('recent'), name);
      ctx.trayState.set('recent', next);
      ctx.hub.publish({ type: 'app', what: 'recent' });
      return next;
    },
  };
}

function appLocation() {
  return {
    execPath: process.execPath,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
  };
}

function refused(): CallOutcome {
  const error = new RunbookError('invalid-argument', 'This page may not call the app.', {
    fix: 'Only the app’s own windows can use its API.',
  });
  return { ok: false, error: error.toJSON() };
}
