import { existsSync } from 'node:fs';
import path from 'node:path';
import { plainEntry, type ClientSpec } from './client-spec.js';
import {
  linuxConfigHome,
  macAppSupport,
  windowsAppData,
  windowsLocalAppData,
  type PlatformContext,
} from './platform.js';

const FILE = 'claude_desktop_config.json';
/** The Microsoft Store build's package folder; its file lives in the package's virtualised Roaming. */
const MSIX_PACKAGE = 'Claude_pzs8sxrjxfjjc';

export const claudeDesktop: ClientSpec = {
  id: 'claude',
  label: 'Claude Desktop',
  serversKey: 'mcpServers',
  // It reads its file with JSON.parse: a comment would break it, so such a file is refused.
  jsonc: false,
  configCandidates: claudeDesktopConfigCandidates,
  entryFor: plainEntry,
  restartHint: 'Quit Claude Desktop completely (not just its window) and open it again.',
};

function claudeDesktopConfigCandidates(ctx: PlatformContext): string[] {
  if (ctx.platform === 'darwin') return [path.join(macAppSupport(ctx), 'Claude', FILE)];
  if (ctx.platform !== 'win32') return [path.join(linuxConfigHome(ctx), 'Claude', FILE)];
  const roaming = path.join(windowsAppData(ctx), 'Claude', FILE);
  const packageDir = path.join(windowsLocalAppData(ctx), 'Packages', MSIX_PACKAGE);
  const msix = path.join(packageDir, 'LocalCache', 'Roaming', 'Claude', FILE);
  // A Store install reads only its virtualised copy, so create there when the package exists.
  return existsSync(packageDir) ? [msix, roaming] : [roaming, msix];
}
