import os from 'node:os';
import path from 'node:path';

/** Where the user's config folders are; tests point it at temp folders. */
export interface PlatformContext {
  platform: NodeJS.Platform;
  homedir: string;
  env: NodeJS.ProcessEnv;
}

export function currentPlatform(): PlatformContext {
  return { platform: process.platform, homedir: os.homedir(), env: process.env };
}

/** `%APPDATA%` (Roaming), with the folder Windows would use when the variable is unset. */
export function windowsAppData(ctx: PlatformContext): string {
  return ctx.env.APPDATA ?? path.join(ctx.homedir, 'AppData', 'Roaming');
}

export function windowsLocalAppData(ctx: PlatformContext): string {
  return ctx.env.LOCALAPPDATA ?? path.join(ctx.homedir, 'AppData', 'Local');
}

/** Electron apps on Linux (Claude Desktop builds, VS Code) keep user data under XDG_CONFIG_HOME. */
export function linuxConfigHome(ctx: PlatformContext): string {
  const xdg = ctx.env.XDG_CONFIG_HOME;
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(ctx.homedir, '.config');
}

export function macAppSupport(ctx: PlatformContext): string {
  return path.join(ctx.homedir, 'Library', 'Application Support');
}
