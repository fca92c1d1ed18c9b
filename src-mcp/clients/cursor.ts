import path from 'node:path';
import { plainEntry, type ClientSpec } from './client-spec.js';
import type { PlatformContext } from './platform.js';

export const cursor: ClientSpec = {
  id: 'cursor',
  label: 'Cursor',
  serversKey: 'mcpServers',
  jsonc: true,
  configCandidates: (ctx: PlatformContext) => [path.join(ctx.homedir, '.cursor', 'mcp.json')],
  entryFor: plainEntry,
  restartHint:
    'Cursor picks up the change in Settings → MCP; toggle the server there if it does not.',
};
