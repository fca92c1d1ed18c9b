/** Launch at login: Electron's login items on macOS and Windows, an XDG autostart file on Linux. */
import os from 'node:os';
import { app } from 'electron';
import type { AppContext } from './context.js';
import { autostartTarget, isLinuxAutostartEnabled, setLinuxAutostart } from './linux-autostart.js';

const linuxTarget = () => autostartTarget(process.env, process.execPath, os.homedir());

async function applyLaunchAtLogin(enabled: boolean): Promise<void> {
  if (process.platform === 'linux') return setLinuxAutostart(linuxTarget(), enabled);
  app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
}

/** What the system says, not what the settings say: the user may have changed it in the OS. */
export async function isLaunchAtLoginEnabled(): Promise<boolean> {
  if (process.platform === 'linux') return isLinuxAutostartEnabled(linuxTarget());
  return app.getLoginItemSettings({ args: ['--hidden'] }).openAtLogin;
}

export function setupLoginItem(ctx: AppContext): void {
  const apply = (enabled: boolean) =>
    applyLaunchAtLogin(enabled).catch((error: unknown) =>
      ctx.report('Launch at login could not be changed', String(error)),
    );
  // Unpackaged (`electron .`) would register the bare Electron binary: only the installed app.
  if (!app.isPackaged) return;
  void apply(ctx.settings.get('launchAtLogin'));
  ctx.settings.onDidChange('launchAtLogin', (enabled) => void apply(enabled ?? false));
}
