/**
 * The tray app's settings file is the one the CLI and the MCP server read (`readSettings()` in
 * src-mcp/engine/settings.ts): same folder, same name, same schema. This module holds what the
 * electron-store side needs, without importing Electron, so it is tested under Node with conf.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { RunbookError } from '../src-mcp/engine/errors.js';
import {
  SETTINGS_FILE_NAME,
  settingsDefaults,
  settingsSchema,
  type AppSettings,
} from '../src-mcp/engine/settings.js';
import { checkAccelerator } from './accelerator.js';

export function settingsFilePath(dataDir: string): string {
  return path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
}

/** Options for `new Store(...)` (electron-store) and, with a projectName, for `new Conf(...)`. */
export function settingsStoreOptions(dataDir: string) {
  return {
    name: SETTINGS_FILE_NAME,
    cwd: dataDir,
    schema: settingsSchema,
    defaults: settingsDefaults,
    clearInvalidConfig: false,
    // The web UI and CLI may write the file too; the tray follows their changes.
    watch: true,
  };
}

export type SettingsPatch = Partial<AppSettings>;

/** Checks what the schema cannot say (accelerator grammar, absolute folders) before a write. */
export function checkSettingsPatch(patch: SettingsPatch): SettingsPatch {
  const checked: SettingsPatch = { ...patch };
  if (patch.shortcut !== undefined) checked.shortcut = checkAccelerator(patch.shortcut);
  for (const key of ['runbookDir', 'logsDir'] as const) {
    const value = patch[key];
    if (value !== undefined && !path.isAbsolute(value)) {
      throw new RunbookError('invalid-argument', `The ${key} setting must be an absolute path.`, {
        key,
        fix: 'Choose the folder with the folder picker, or give its full path.',
      });
    }
  }
  return checked;
}

/**
 * A settings file the schema refuses must not keep the app from starting: it is moved aside
 * (kept for the user to look at) and the app starts from the defaults. Returns where it went.
 */
export async function setAsideBrokenSettings(dataDir: string, now = new Date()): Promise<string> {
  const file = settingsFilePath(dataDir);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.broken-${stamp}`;
  await fs.rename(file, aside);
  return aside;
}
