/**
 * How Claude Desktop (and other MCP clients) start our server from the installed app: the app's
 * own Electron binary runs the bundled `dist/mcp.js` as plain Node, so users need no Node install.
 */
import path from 'node:path';
import { EXTENSION_FILE_NAME, findExtensionFile } from '../src-mcp/clients/extension-file.js';
import { packagedAppLaunch, type ServerLaunch } from '../src-mcp/clients/launch.js';

export interface AppLocation {
  /** `process.execPath` in the main process: the app's executable. */
  execPath: string;
  /** `process.resourcesPath`: where electron-builder puts `app.asar` and `app.asar.unpacked`. */
  resourcesPath: string;
  /** `app.getAppPath()`: the source checkout when not packaged. */
  appPath: string;
  isPackaged: boolean;
}

const MCP_ENTRY = 'dist/mcp.js';

export function packagedLaunch(
  folder: string,
  location: Pick<AppLocation, 'execPath' | 'resourcesPath'> = currentLocation(),
): ServerLaunch {
  // Outside the asar (asarUnpack): Node run as ELECTRON_RUN_AS_NODE cannot read inside archives.
  const entry = path.join(location.resourcesPath, 'app.asar.unpacked', MCP_ENTRY);
  return packagedAppLaunch({ executable: location.execPath, entry, dir: folder });
}

/**
 * The launch spec for the app as it runs now: packaged, or `electron .` in a checkout, where the
 * same Electron binary runs the checkout's built entry (so the entry matches the app's version).
 */
export function appLaunch(folder: string, location: AppLocation): ServerLaunch {
  if (location.isPackaged) return packagedLaunch(folder, location);
  const entry = path.join(location.appPath, MCP_ENTRY);
  return packagedAppLaunch({ executable: location.execPath, entry, dir: folder });
}

/** The Claude Desktop extension beside the packaged app's resources, or a checkout's `dist/`. */
export function appExtensionFile(location: AppLocation): string | undefined {
  const dir = location.isPackaged ? location.resourcesPath : path.join(location.appPath, 'dist');
  return findExtensionFile([path.join(dir, EXTENSION_FILE_NAME)]);
}

function currentLocation(): Pick<AppLocation, 'execPath' | 'resourcesPath'> {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  return {
    execPath: process.execPath,
    resourcesPath: resourcesPath ?? path.dirname(process.execPath),
  };
}
