/**
 * Launch at login on Linux: Electron's `setLoginItemSettings` covers only macOS and Windows, so
 * the app writes an XDG autostart entry itself (`~/.config/autostart/<id>.desktop`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const AUTOSTART_FILE = 'runbook-companion.desktop';

export interface AutostartTarget {
  /** Inside an AppImage this is `$APPIMAGE` (the mounted execPath vanishes after exit). */
  executable: string;
  configHome: string;
}

export function autostartTarget(
  env: NodeJS.ProcessEnv,
  execPath: string,
  homedir: string,
): AutostartTarget {
  return {
    executable: env.APPIMAGE ?? execPath,
    configHome: env.XDG_CONFIG_HOME ?? path.join(homedir, '.config'),
  };
}

export function autostartPath(target: AutostartTarget): string {
  return path.join(target.configHome, 'autostart', AUTOSTART_FILE);
}

/** Desktop-entry Exec quoting: double quotes around, with `"`, `` ` ``, `$` and `\` escaped. */
function quoteExec(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(target: AutostartTarget): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Runbook Companion',
    'Comment=Runbooks in the tray, ready for your AI assistant',
    `Exec=${quoteExec(target.executable)} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function setLinuxAutostart(target: AutostartTarget, enabled: boolean): Promise<void> {
  const file = autostartPath(target);
  if (!enabled) {
    await fs.rm(file, { force: true });
    return;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, autostartEntry(target));
}

export async function isLinuxAutostartEnabled(target: AutostartTarget): Promise<boolean> {
  return fs.access(autostartPath(target)).then(
    () => true,
    () => false,
  );
}
