/**
 * Opens the runbook folder from the settings, follows it on disk, and carries every change to
 * the tray and the windows. A folder change in the settings (tray, UI or CLI) reopens it.
 */
import type ElectronStore from 'electron-store';
import { IPC_EVENT_CHANNEL } from '../src-mcp/api/channels.js';
import { indexCacheDir } from '../src-mcp/engine/paths.js';
import type { AppSettings } from '../src-mcp/engine/settings.js';
import { bundledRunbookDir } from './app-identity.js';
import type { AppHub } from './context.js';
import { RunbookSession, type SessionOptions } from '../src-mcp/api/session.js';
import type { AppWindows } from './windows.js';

function sessionOptions(settings: AppSettings): SessionOptions {
  return {
    dir: settings.runbookDir ?? bundledRunbookDir(),
    logsDir: settings.logsDir,
    profile: settings.profile || undefined,
    followOutsideLinks: settings.followOutsideLinks === true,
    cacheDir: indexCacheDir(),
  };
}

export function setupFolderSession(
  settings: ElectronStore<AppSettings>,
  hub: AppHub,
  windows: AppWindows,
): RunbookSession {
  const session = new RunbookSession(
    sessionOptions(settings.store),
    (event) => hub.publish(event),
    (error) => process.stderr.write(`runbook-companion: watcher: ${String(error)}\n`),
  );
  hub.subscribe((event) => {
    if (event.type !== 'app') windows.send(IPC_EVENT_CHANNEL, event);
  });
  settings.onDidAnyChange((now, before) => {
    if (!now || !before) return;
    const next = sessionOptions(now);
    const previous = sessionOptions(before);
    const moved = (['dir', 'logsDir', 'profile', 'followOutsideLinks'] as const).some(
      (k) => next[k] !== previous[k],
    );
    if (moved) void session.reopen(next);
  });
  return session;
}
