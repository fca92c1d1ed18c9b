import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunbookError } from '../engine/errors.js';
import { isJsonObject } from './config-text.js';
import { findInstalledApp } from './installed-app.js';
import { currentPlatform, type PlatformContext } from './platform.js';

/** How a client starts our MCP server: what goes into its config entry. */
export interface ServerLaunch {
  /** Absolute path: clients start servers without a shell profile, so bare `node` often fails. */
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface LaunchFolders {
  /** The runbook folder the server serves. */
  dir: string;
  /** Where execution logs go; only written into the entry when given (e.g. taken over from the earlier tool). */
  logsDir?: string;
}

const PACKAGE_NAME = 'runbook-companion';

/**
 * From a source checkout: this Node runs `<repo>/dist/mcp.js` (made by `npm run build`). When
 * "this Node" is Electron's, it must be told to act as Node.
 */
export function sourceCheckoutLaunch(
  dir: string,
  options: Omit<LaunchFolders, 'dir'> = {},
): ServerLaunch {
  const entry = path.join(findRepoRoot(import.meta.url), 'dist', 'mcp.js');
  const launch = { command: process.execPath, args: [entry, ...folderArgs({ dir, ...options })] };
  return process.versions.electron ? { ...launch, env: { ELECTRON_RUN_AS_NODE: '1' } } : launch;
}

/**
 * What the CLI writes: the installed app's own binary and entry when the app is there (an nvm
 * node vanishes with the next upgrade; the app stays), else this checkout's build.
 */
export function preferredLaunch(
  folders: LaunchFolders,
  ctx: PlatformContext = currentPlatform(),
): ServerLaunch {
  const app = findInstalledApp(ctx);
  return app
    ? packagedAppLaunch({ ...folders, ...app })
    : sourceCheckoutLaunch(folders.dir, folders);
}

export interface PackagedApp extends LaunchFolders {
  /** The app's own executable (`process.execPath` in the Electron main process). */
  executable: string;
  /** The MCP entry unpacked outside the asar (under `process.resourcesPath`). */
  entry: string;
}

/** From the packaged app: its Electron binary runs the bundled entry as plain Node. */
export function packagedAppLaunch(app: PackagedApp): ServerLaunch {
  return {
    command: app.executable,
    args: [app.entry, ...folderArgs(app)],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };
}

function folderArgs(folders: LaunchFolders): string[] {
  const args = ['--dir', path.resolve(folders.dir)];
  return folders.logsDir ? [...args, '--logs', path.resolve(folders.logsDir)] : args;
}

/**
 * Walks up from a module's file to the package root. Walking (rather than a fixed `../..`) keeps
 * it right both from `src-mcp/clients/` under vitest and from a bundle in `dist/`.
 */
export function findRepoRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (isOurPackage(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new RunbookError('not-found', `No ${PACKAGE_NAME} package.json above ${moduleUrl}.`, {
    fix: 'Run this from a source checkout of Runbook Companion, or use the packaged app.',
  });
}

function isOurPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      'name' in parsed &&
      parsed.name === PACKAGE_NAME
    );
  } catch {
    return false;
  }
}

/** The launch a config entry describes, as a client would run it; undefined when it has no command. */
export function launchFromEntry(entry: unknown): ServerLaunch | undefined {
  if (!isJsonObject(entry) || typeof entry.command !== 'string') return undefined;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const env = isJsonObject(entry.env)
    ? Object.fromEntries(
        Object.entries(entry.env).filter(
          (pair): pair is [string, string] => typeof pair[1] === 'string',
        ),
      )
    : undefined;
  return env
    ? { command: entry.command, args: strings(entry.args), env }
    : { command: entry.command, args: strings(entry.args) };
}

/** The folders one of our launches serves (its `--dir` and `--logs`). */
export function foldersOfLaunch(launch: ServerLaunch): LaunchFolders | undefined {
  const value = (flag: string): string | undefined => {
    const i = launch.args.indexOf(flag);
    return i >= 0 ? launch.args[i + 1] : undefined;
  };
  const dir = value('--dir');
  if (!dir) return undefined;
  const logsDir = value('--logs');
  return logsDir ? { dir, logsDir } : { dir };
}
