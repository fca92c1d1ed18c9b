import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The product name Electron uses for its user-data folder; the CLI must find the same folder. */
export const APP_NAME = 'Runbook Companion';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  homedir: string;
  env: NodeJS.ProcessEnv;
}

export function currentPlatform(): PlatformInfo {
  return { platform: process.platform, homedir: os.homedir(), env: process.env };
}

/**
 * Electron's `app.getPath('userData')` for this app, computed without Electron.
 * `RUNBOOK_COMPANION_DATA` overrides it (tests, portable installs).
 */
export function appDataDir(info: PlatformInfo = currentPlatform()): string {
  const override = info.env.RUNBOOK_COMPANION_DATA;
  if (override) return path.resolve(override);
  return path.join(systemAppDataDir(info), APP_NAME);
}

/** Electron's `app.getPath('appData')`. */
function systemAppDataDir(info: PlatformInfo = currentPlatform()): string {
  const p = info.platform === 'win32' ? path.win32 : path.posix;
  if (info.platform === 'darwin') return p.join(info.homedir, 'Library', 'Application Support');
  if (info.platform === 'win32') {
    return info.env.APPDATA ?? p.join(info.homedir, 'AppData', 'Roaming');
  }
  return info.env.XDG_CONFIG_HOME ?? p.join(info.homedir, '.config');
}

/**
 * Where the search index cache goes: `RUNBOOK_COMPANION_CACHE`, else `index-cache` in the app's
 * data folder (so `RUNBOOK_COMPANION_DATA` moves it too). Not `cache`: on macOS and Windows that
 * is the same folder as Chromium's `Cache` in Electron's user-data folder.
 */
export function indexCacheDir(info: PlatformInfo = currentPlatform()): string {
  const override = info.env.RUNBOOK_COMPANION_CACHE;
  if (override) return path.resolve(override);
  return path.join(appDataDir(info), 'index-cache');
}

export function defaultLogsDir(info: PlatformInfo = currentPlatform()): string {
  return path.join(appDataDir(info), 'logs');
}

/** The repository (or installed package) root: two levels above this module, in source and in dist. */
export function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src-mcp/engine/paths.ts → ../.. ; dist/cli.js (bundled) → ..
  return path.basename(here) === 'engine'
    ? path.resolve(here, '..', '..')
    : path.resolve(here, '..');
}

/** The bundled example runbooks: the embedded default folder. */
export function bundledRunbooksDir(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && !resources.includes('node_modules')) {
    // Packaged app: electron-builder copies runbooks/ into the resources folder.
    const packaged = path.join(resources, 'runbooks');
    return packaged;
  }
  return path.join(packageRoot(), 'runbooks');
}
