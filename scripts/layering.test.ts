/**
 * The layering rules (eslint.layers.js) fire through real ESLint with the project's own config:
 * each row is an import in a file of one folder, and whether `npm run lint` must refuse it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: repoRoot });

const ENGINE = 'src-mcp/engine/some-module.ts';
const RENDERER = 'src-renderer/lib/some-module.ts';

const cases: { why: string; file: string; code: string; refused: string | null }[] = [
  {
    why: 'the engine never speaks MCP',
    file: ENGINE,
    code: "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
    refused: 'Only src-mcp/mcp/ speaks MCP.',
  },
  {
    why: 'the engine never imports Electron',
    file: ENGINE,
    code: "import { app } from 'electron';",
    refused: 'Only src-main/ (the tray app) imports Electron.',
  },
  {
    why: 'the engine sits below the MCP face',
    file: ENGINE,
    code: "import { runMcpServer } from '../mcp/runbook-server.js';",
    refused: 'The engine sits below every face',
  },
  {
    why: 'the engine sits below the app API',
    file: ENGINE,
    code: "import { createService } from '../api/service.js';",
    refused: 'The engine sits below every face',
  },
  {
    why: 'the engine sits below the client config writers',
    file: ENGINE,
    code: "import { installClient } from '../clients/install.js';",
    refused: 'The engine sits below every face',
  },
  {
    why: 'the engine never reaches up into the tray app',
    file: ENGINE,
    code: "import { setupIpc } from '../../src-main/ipc.js';",
    refused: 'src-main/ (the tray app) sits above this face',
  },
  {
    why: 'the engine never reaches into the UI',
    file: ENGINE,
    code: "import { api } from '../../src-renderer/lib/api.js';",
    refused: 'The UI talks to this code through the app API',
  },
  {
    why: 'the engine imports itself freely',
    file: ENGINE,
    code: "import { outcomeOf } from './receipt.js';",
    refused: null,
  },
  {
    why: 'the MCP server runs outside Electron',
    file: 'src-mcp/mcp/some-tools.ts',
    code: "import { shell } from 'electron';",
    refused: 'Only src-main/ (the tray app) imports Electron.',
  },
  {
    why: 'the CLI never imports the tray app',
    file: 'src-mcp/cli/some-command.ts',
    code: "import { recentRunbooks } from '../../src-main/recent.js';",
    refused: 'src-main/ (the tray app) sits above this face',
  },
  {
    why: 'the CLI may start the MCP server (cli/ sits above mcp/)',
    file: 'src-mcp/cli/some-command.ts',
    code: "import { runMcpServer } from '../mcp/runbook-server.js';",
    refused: null,
  },
  {
    why: 'the MCP server never reaches up into the CLI that starts it',
    file: 'src-mcp/mcp/some-tools.ts',
    code: "import { reportError } from '../cli/report.js';",
    refused: 'mcp/ never imports cli/',
  },
  {
    why: 'what the app API shares with the MCP server lives in the engine',
    file: 'src-mcp/api/some-service.ts',
    code: "import { registerReadTools } from '../mcp/read-tools.js';",
    refused: 'What api/ and mcp/ share belongs in the engine',
  },
  {
    why: 'the app API never imports the UI',
    file: 'src-mcp/api/some-service.ts',
    code: "import { api } from '../../src-renderer/lib/api.js';",
    refused: 'The UI talks to this code through the app API',
  },
  {
    why: 'the UI takes no engine code but the listed pure modules',
    file: RENDERER,
    code: "import { splitFrontMatter } from '../../src-mcp/engine/front-matter.js';",
    refused: 'The UI imports only types from src-mcp/',
  },
  {
    why: 'a Svelte component is held to the same rule',
    file: 'src-renderer/components/Some.svelte',
    code: '<script lang="ts">\n  import { Engine } from \'../../src-mcp/engine/engine.js\';\n</script>\n',
    refused: 'The UI imports only types from src-mcp/',
  },
  {
    why: 'a name that only starts like a listed module is not listed',
    file: RENDERER,
    code: "import { x } from '../../src-mcp/engine/template-scan-extra.js';",
    refused: 'The UI imports only types from src-mcp/',
  },
  {
    why: 'the UI may take types from anywhere in src-mcp/',
    file: RENDERER,
    code: "import type { FrontMatter } from '../../src-mcp/engine/front-matter.js';",
    refused: null,
  },
  {
    why: 'template-scan is a listed pure module',
    file: RENDERER,
    code: "import { scanPlaceholders } from '../../src-mcp/engine/template-scan.js';",
    refused: null,
  },
  {
    why: 'the transport names are a listed pure module',
    file: RENDERER,
    code: "import { BRIDGE_GLOBAL } from '../../src-mcp/api/channels.js';",
    refused: null,
  },
];

describe('the layering lint rules', () => {
  it.each(cases)('$why', async ({ file, code, refused }) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
    const messages = (result?.messages ?? [])
      .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
      .map((m) => m.message);
    if (refused === null) expect(messages).toEqual([]);
    else expect(messages).toEqual([expect.stringContaining(refused)]);
  });
});
