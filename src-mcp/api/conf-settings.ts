import Conf from 'conf';
import { appDataDir } from '../engine/paths.js';
import {
  SETTINGS_FILE_NAME,
  readSettings,
  settingsSchema,
  type AppSettings,
} from '../engine/settings.js';

/** Reads and writes the app's settings; the tray app passes one over electron-store. */
export interface SettingsStore {
  read(): AppSettings | Promise<AppSettings>;
  /** Writes the given keys; `undefined` or an empty profile removes the key. */
  update(patch: Partial<AppSettings>): AppSettings | Promise<AppSettings>;
}

/** The same file electron-store writes, through conf (no Electron needed): the web host uses this. */
export function confSettingsStore(dataDir: string = appDataDir()): SettingsStore {
  const open = () =>
    new Conf<AppSettings>({
      cwd: dataDir,
      configName: SETTINGS_FILE_NAME,
      projectName: 'runbook-companion',
      schema: settingsSchema,
      clearInvalidConfig: false,
    });
  return {
    read: () => readSettings(dataDir),
    update: (patch) => {
      const conf = open();
      for (const [key, value] of Object.entries(patch) as [keyof AppSettings, unknown][]) {
        if (value === undefined || value === '') conf.delete(key);
        else conf.set(key, value);
      }
      return readSettings(dataDir);
    },
  };
}
