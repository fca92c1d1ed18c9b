/**
 * Makes Electron's user-data folder the one the CLI and MCP server compute without Electron
 * (`appDataDir()`), also under `electron .` where the name would come from package.json.
 * Must run before `ready` and before anything opens a store.
 */
import path from 'node:path';
import { app } from 'electron';
import { APP_NAME, appDataDir } from '../src-mcp/engine/paths.js';

export function configureAppIdentity(): string {
  app.setName(APP_NAME);
  const dataDir = appDataDir();
  app.setPath('userData', dataDir);
  if (process.platform === 'win32') app.setAppUserModelId('com.runbookcompanion.app');
  return dataDir;
}

/** The runbook folder when the user has chosen none: the examples shipped with the app. */
export function bundledRunbookDir(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'runbooks')
    : path.join(app.getAppPath(), 'runbooks');
}
