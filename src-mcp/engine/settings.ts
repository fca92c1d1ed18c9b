import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RunbookError, toRunbookError } from './errors.js';
import { appDataDir } from './paths.js';

/**
 * The app's settings. The tray app writes them with electron-store; the CLI and the MCP server
 * read the same file (`<user data>/config.json`) without Electron; the web host writes it with
 * conf, the library electron-store wraps.
 */
export interface AppSettings {
  runbookDir?: string;
  logsDir?: string;
  profile?: string;
  shortcut: string;
  launchAtLogin: boolean;
  pinned: string[];
  /** Serve links whose target lies outside the runbook folder (off: they are skipped, reported). */
  followOutsideLinks: boolean;
}

export const SETTINGS_FILE_NAME = 'config';

export const settingsSchema = {
  runbookDir: { type: 'string', minLength: 1 },
  logsDir: { type: 'string', minLength: 1 },
  profile: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
  shortcut: { type: 'string', minLength: 1, default: 'CommandOrControl+Shift+R' },
  launchAtLogin: { type: 'boolean', default: false },
  pinned: { type: 'array', items: { type: 'string' }, default: [] },
  followOutsideLinks: { type: 'boolean', default: false },
} as const;

export const settingsDefaults: AppSettings = {
  shortcut: 'CommandOrControl+Shift+R',
  launchAtLogin: false,
  pinned: [],
  followOutsideLinks: false,
};

type PropertySchema = (typeof settingsSchema)[keyof typeof settingsSchema];

/**
 * Reads the settings without ever writing them. A plain JSON read, not conf: conf writes the
 * schema's defaults back into a missing file (the CLI must not create the app's folder) and
 * compiling its schema costs ~50 ms on the MCP server's start. A broken file names itself.
 */
export function readSettings(dataDir: string = appDataDir()): AppSettings {
  const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...settingsDefaults };
    throw toRunbookError(error, file);
  }
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch (cause) {
    throw invalidSettings(file, `it is not valid JSON (${(cause as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidSettings(file, 'it must hold a JSON object');
  }
  for (const [key, schema] of Object.entries(settingsSchema)) {
    const value = (data as Record<string, unknown>)[key];
    if (value !== undefined && !matches(value, schema)) {
      throw invalidSettings(file, `${key} is ${JSON.stringify(value)}`, key);
    }
  }
  return { ...settingsDefaults, ...(data as Partial<AppSettings>) };
}

function matches(value: unknown, schema: PropertySchema): boolean {
  if (schema.type === 'boolean') return typeof value === 'boolean';
  if (schema.type === 'array')
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (typeof value !== 'string' || value.length < ('minLength' in schema ? schema.minLength : 0)) {
    return false;
  }
  return !('pattern' in schema) || new RegExp(schema.pattern).test(value);
}

function invalidSettings(file: string, why: string, key?: string): RunbookError {
  return new RunbookError('invalid-argument', `The settings file is not valid: ${why}.`, {
    file,
    key,
    fix: 'Fix or delete the file; the app writes it again from its Settings page.',
  });
}
