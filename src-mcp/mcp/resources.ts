/** Resources: `runbooks://runbooks` (the list, JSON) and `runbooks://runbooks/{+name}` (a runbook's text). */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/engine.js';
import type { RunbookSummary } from '../engine/types.js';
import { toRunbook } from './schemas.js';
import { describeError } from './tool-result.js';
import { RunbookError, isRunbookError } from '../engine/errors.js';

export const RUNBOOK_LIST_URI = 'runbooks://runbooks';
/** `{+name}` matches across `/`: runbook names are folder paths. */
export const RUNBOOK_URI_TEMPLATE = 'runbooks://runbooks/{+name}';

/** The spec's code for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;

export function runbookUri(name: string): string {
  return `${RUNBOOK_LIST_URI}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

export function registerRunbookResources(server: McpServer, engine: Engine): void {
  server.registerResource(
    'runbook-list',
    RUNBOOK_LIST_URI,
    {
      title: 'Runbook list',
      description: 'Every runbook in the folder with its title, tags and variables (JSON).',
      mimeType: 'application/json',
    },
    async (uri) => {
      const list = (await engine.list()).map(toRunbook);
      return {
        contents: [
          { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(list, null, 2) },
        ],
      };
    },
  );
  const template = new ResourceTemplate(RUNBOOK_URI_TEMPLATE, {
    list: async () => ({ resources: (await engine.list()).map(toResource) }),
  });
  server.registerResource(
    'runbook',
    template,
    {
      title: 'Runbook',
      description: 'The text of one runbook, as written (placeholders not filled in).',
    },
    async (uri, variables) => readRunbook(engine, uri, variables.name),
  );
}

function toResource(summary: RunbookSummary) {
  return {
    uri: runbookUri(summary.name),
    name: summary.name,
    title: summary.title,
    description: summary.description || undefined,
    mimeType: mimeTypeOf(summary.path),
    size: summary.size,
  };
}

async function readRunbook(
  engine: Engine,
  uri: URL,
  raw: string | string[] | undefined,
): Promise<ReadResourceResult> {
  try {
    const name = decodeName(Array.isArray(raw) ? raw.join(',') : (raw ?? ''));
    const runbook = await engine.read(name);
    return {
      contents: [{ uri: uri.href, mimeType: mimeTypeOf(runbook.path), text: runbook.content }],
    };
  } catch (error) {
    const code =
      isRunbookError(error) && error.code === 'not-found'
        ? RESOURCE_NOT_FOUND
        : ErrorCode.InvalidParams;
    throw new McpError(code, describeError(error));
  }
}

function mimeTypeOf(path: string): string {
  return path.toLowerCase().endsWith('.txt') ? 'text/plain' : 'text/markdown';
}

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch (cause) {
    throw new RunbookError(
      'invalid-name',
      `${JSON.stringify(encoded)} is not a valid percent-encoded runbook name.`,
      {
        key: 'uri',
        fix: 'Use the URI as resources/list gives it.',
        cause,
      },
    );
  }
}
