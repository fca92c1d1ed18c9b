/**
 * The app API implemented once over the Engine. The web host and the Electron IPC both dispatch
 * to these handlers by method name (see dispatch.ts), so every face behaves the same.
 */
import type { Engine } from '../engine/engine.js';
import type { WatchStatus } from '../engine/watcher.js';
import type { ApiHandlers } from './contract.js';
import { clientHandlers, type ClientDeps } from './service-clients.js';
import { envHandlers } from './service-env.js';
import { runbookHandlers } from './service-runbooks.js';
import { confSettingsStore, type SettingsStore } from './settings-store.js';

export interface ServiceDeps {
  clients: ClientDeps;
  /** Default: the settings file in the app's user-data folder, through conf. */
  settings?: SettingsStore;
  /** The folder watcher's state, owned by the host that runs the watcher. */
  watchStatus?: () => WatchStatus;
}

export function createService(engine: Engine, deps: ServiceDeps): ApiHandlers {
  const settings = deps.settings ?? confSettingsStore();
  return {
    info: async () => ({
      root: engine.root,
      logsDir: engine.logsDir,
      profile: engine.profile,
      profiles: await engine.profiles(),
      skipped: engine.skipped(),
      watch: deps.watchStatus?.() ?? { state: 'watching' },
    }),
    ...runbookHandlers(engine),
    ...envHandlers(engine),
    settingsRead: async () => settings.read(),
    settingsSave: async (patch) => settings.update(patch),
    ...clientHandlers(deps.clients),
  };
}
