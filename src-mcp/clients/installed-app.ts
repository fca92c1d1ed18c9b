/**
 * The installed tray app, found from outside it (the CLI). Its own binary, run with
 * ELECTRON_RUN_AS_NODE, survives a Node upgrade that removes an nvm or Homebrew node, so a config
 * entry written by the CLI prefers it when the app is there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlatformContext } from './platform.js';
import { windowsLocalAppData } from './platform.js';

const PRODUCT = 'Runbook Companion';
/** electron-builder's executable name on Linux: the package name. */
const LINUX_EXECUTABLE = 'runbook-companion';
/** Where the app's binary is, when it is installed somewhere else than usual. */
const APP_PATH_VARIABLE = 'RUNBOOK_COMPANION_APP';

export interface InstalledApp {
  executable: string;
  /** The MCP entry unpacked outside the asar: plain Node cannot read inside the archive. */
  entry: string;
}

export function findInstalledApp(ctx: PlatformContext): InstalledApp | undefined {
  const override = ctx.env[APP_PATH_VARIABLE];
  const candidates = override ? [override] : executableCandidates(ctx);
  for (const executable of candidates) {
    const entry = path.join(
      resourcesOf(executable, ctx.platform),
      'app.asar.unpacked',
      'dist',
      'mcp.js',
    );
    if (existsSync(executable) && existsSync(entry)) return { executable, entry };
  }
  return undefined;
}

function executableCandidates(ctx: PlatformContext): string[] {
  if (ctx.platform === 'darwin') {
    const inside = path.join(`${PRODUCT}.app`, 'Contents', 'MacOS', PRODUCT);
    return [path.join('/Applications', inside), path.join(ctx.homedir, 'Applications', inside)];
  }
  if (ctx.platform === 'win32') {
    const exe = `${PRODUCT}.exe`;
    const programs = path.join(windowsLocalAppData(ctx), 'Programs');
    const programFiles = ctx.env.ProgramFiles ?? 'C:\\Program Files';
    return [
      path.join(programs, PRODUCT, exe),
      path.join(programs, LINUX_EXECUTABLE, exe),
      path.join(programFiles, PRODUCT, exe),
    ];
  }
  // The .deb installs here; an AppImage mounts at a new path each run, so it is no target.
  return [path.join('/opt', PRODUCT, LINUX_EXECUTABLE)];
}

function resourcesOf(executable: string, platform: NodeJS.Platform): string {
  const folder = path.dirname(executable);
  return platform === 'darwin'
    ? path.join(folder, '..', 'Resources')
    : path.join(folder, 'resources');
}
