import path from 'node:path';
import { plainEntry, type ClientSpec, type ServerEntry } from './client-spec.js';
import type { ServerLaunch } from './launch.js';
import {
  linuxConfigHome,
  macAppSupport,
  windowsAppData,
  type PlatformContext,
} from './platform.js';

export const vscode: ClientSpec = {
  id: 'vscode',
  label: 'VS Code',
  serversKey: 'servers',
  jsonc: true,
  configCandidates: (ctx: PlatformContext) => [path.join(vscodeUserFolder(ctx), 'mcp.json')],
  entryFor: (launch: ServerLaunch): ServerEntry => ({ type: 'stdio', ...plainEntry(launch) }),
  restartHint: 'In VS Code run "MCP: List Servers" and start or restart the server.',
};

function vscodeUserFolder(ctx: PlatformContext): string {
  if (ctx.platform === 'darwin') return path.join(macAppSupport(ctx), 'Code', 'User');
  if (ctx.platform === 'win32') return path.join(windowsAppData(ctx), 'Code', 'User');
  return path.join(linuxConfigHome(ctx), 'Code', 'User');
}
