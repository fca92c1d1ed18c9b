import Conf from 'conf';
import { RunbookError } from './errors.js';
import { appDataDir } from './paths.js';

/**
 * The app's settings. The tray app writes them with electron-store; the CLI and the MCP server
 * read the same file (`<user data>/config.json`) with conf, the library electron-store wraps,
 * so neither needs Electron.
 */
export interface AppSettings {
  runbookDir?: string;
  logsDir?: string;
  profile?: string;
  shortcut: string;
  launchAtLogin: boolean;
  pinned: string[];
}

export const SETTINGS_FILE_NAME = 'config';

export const settingsSchema = {
  runbookDir: { type: 'string', minLength: 1 },
  logsDir: { type: 'string', minLength: 1 },
  profile: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
  shortcut: { type: 'string', minLength: 1, default: 'CommandOrControl+Shift+R' },
  launchAtLogin: { type: 'boolean', default: false },
  pinned: { type: 'array', items: { type: 'string' }, default: [] },
} as const;

export const settingsDefaults: AppSettings = {
  shortcut: 'CommandOrControl+Shift+R',
  launchAtLogin: false,
  pinned: [],
};

/**
 * Reads the settings without ever writing them (so no defaults are handed to conf, which would
 * write them back); a broken file is an error that names it.
 */
export function readSettings(dataDir: string = appDataDir()): AppSettings {
  try {
    const conf = new Conf<AppSettings>({
      cwd: dataDir,
      configName: SETTINGS_FILE_NAME,
      projectName: 'runbook-companion',
      schema: settingsSchema,
      clearInvalidConfig: false,
    });
    return { ...settingsDefaults, ...conf.store };
  } catch (cause) {
    throw new RunbookError('invalid-argument', `The settings file is not valid: ${String(cause)}`, {
      file: `${dataDir}/${SETTINGS_FILE_NAME}.json`,
      fix: 'Fix or delete the file; the app writes it again from its Settings page.',
      cause,
    });
  }
}
