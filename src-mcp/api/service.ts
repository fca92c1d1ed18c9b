/**
 * The app API implemented once over the open folder. The web host and the Electron IPC both
 * dispatch to these handlers by method name (see dispatch.ts), so every face behaves the same.
 * The engine is read from the source at each call: after a folder change, calls follow it.
 */
import type { WatchStatus } from '../engine/watcher.js';
import type { ApiHandlers } from './contract.js';
import { allLogsHandlers } from './service-all-logs.js';
import { revealHandlers, type DesktopShell } from './service-reveal.js';
import { confRecentStore, type RecentStore } from './recent-store.js';
import { clientHandlers, type ClientDeps } from './service-clients.js';
import { copyHandlers } from './service-copies.js';
import { envHandlers } from './service-env.js';
import { favouriteHandlers } from './service-favourites.js';
import { historyHandlers } from './service-history.js';
import { runbookHandlers } from './service-runbooks.js';
import { settingsHandlers, type FolderChange } from './service-settings.js';
import { trashHandlers } from './service-trash.js';
import type { EngineSource } from './session.js';
import { confSettingsStore, type SettingsStore } from './conf-settings.js';

export interface ServiceDeps {
  clients: ClientDeps;
  /** Default: the settings file in the app's user-data folder, through conf. */
  settings?: SettingsStore;
  /** Default: the tray's state file in the app's user-data folder, through conf. */
  recent?: RecentStore;
  /** The folder watcher's state, owned by the host that runs the watcher. */
  watchStatus?: () => WatchStatus;
  /** Called after a new runbook folder (or link setting) was checked and saved: the host reopens. */
  openFolder?: (change: FolderChange) => Promise<void>;
  /** The desktop's reveal/open actions (Electron's shell); absent in the web host. */
  shell?: DesktopShell;
}

export function createService(source: EngineSource, deps: ServiceDeps): ApiHandlers {
  const settings = deps.settings ?? confSettingsStore();
  return {
    info: async () => {
      const { engine } = source;
      return {
        root: engine.root,
        logsDir: engine.logsDir,
        profile: engine.profile,
        profiles: await engine.profiles(),
        skipped: engine.skipped(),
        watch: deps.watchStatus?.() ?? { state: 'watching' },
      };
    },
    ...runbookHandlers(source),
    ...trashHandlers(source),
    ...copyHandlers(source),
    ...favouriteHandlers(source, settings, deps.recent ?? confRecentStore()),
    ...envHandlers(source),
    ...allLogsHandlers(source),
    ...revealHandlers(source, deps.shell),
    ...historyHandlers(source),
    ...settingsHandlers(settings, deps.openFolder),
    ...clientHandlers(deps.clients),
  };
}
