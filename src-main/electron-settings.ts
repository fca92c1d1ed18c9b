/** The settings file, opened with electron-store (see settings-options.ts for the shared parts). */
import Store from 'electron-store';
import type { AppSettings } from '../src-mcp/engine/settings.js';
import type { TrayStateFile } from './context.js';
import { setAsideBrokenSettings, settingsStoreOptions } from './settings-options.js';

export interface OpenedSettings {
  settings: Store<AppSettings>;
  /** Where a file the schema refused was moved, to tell the user once. */
  setAside?: string;
}

export async function openSettingsStore(dataDir: string): Promise<OpenedSettings> {
  try {
    return { settings: new Store<AppSettings>(settingsStoreOptions(dataDir)) };
  } catch {
    const setAside = await setAsideBrokenSettings(dataDir);
    return { settings: new Store<AppSettings>(settingsStoreOptions(dataDir)), setAside };
  }
}

/** Tray-only state (recent runbooks): not a setting, so kept out of the shared settings file. */
export function openTrayState(dataDir: string): Store<TrayStateFile> {
  return new Store<TrayStateFile>({
    name: 'tray-state',
    cwd: dataDir,
    defaults: { recent: [] },
    schema: { recent: { type: 'array', items: { type: 'string' }, maxItems: 50 } },
    clearInvalidConfig: true,
  });
}
