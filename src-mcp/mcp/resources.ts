/**
 * Resources: `runbooks://runbooks` (the list, JSON) and `runbooks://runbooks/{+name}` (a runbook's
 * text). Raw handlers rather than `registerResource`: `resources/list` comes in pages.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import {
  ErrorCode,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type ReadResourceResult,
  type Resource,
} from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/engine.js';
import type { RunbookSummary } from '../engine/types.js';
import { decodeCursor, pageOf, sortedKeys } from './pagination.js';
import { toRunbook } from './schemas.js';
import { RUN_FORM_URI, readRunFormResource } from './run-form-resource.js';
import { describeError } from './tool-result.js';
import { RunbookError, isRunbookError } from '../engine/errors.js';

const RUNBOOK_LIST_URI = 'runbooks://runbooks';
/** `{+name}` matches across `/`: runbook names are folder paths. */
export const RUNBOOK_URI_TEMPLATE = 'runbooks://runbooks/{+name}';

/** The spec's code for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;

const listResource: Resource = {
  uri: RUNBOOK_LIST_URI,
  name: 'runbook-list',
  title: 'Runbook list',
  description: 'Every runbook in the folder with its title, tags and variables (JSON).',
  mimeType: 'application/json',
};

const runbookTemplate = {
  name: 'runbook',
  uriTemplate: RUNBOOK_URI_TEMPLATE,
  title: 'Runbook',
  description: 'The text of one runbook, as written (placeholders not filled in).',
};

function runbookUri(name: string): string {
  return `${RUNBOOK_LIST_URI}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

interface ResourceOrder {
  /** '' first (the list resource), then runbook names in code unit order. */
  keys: string[];
  byName: Map<string, RunbookSummary>;
}

/** Registers the handlers; returns what the server calls on a change event to drop its cache. */
export function registerRunbookResources(server: McpServer, engine: Engine): () => void {
  const template = new UriTemplate(RUNBOOK_URI_TEMPLATE);
  // Sorting 10,000 names for each of 20 pages would cost more than the pages themselves.
  let order: Promise<ResourceOrder> | undefined;
  const currentOrder = (): Promise<ResourceOrder> => {
    if (order) return order;
    const built = engine.list().then((list) => ({
      keys: ['', ...sortedKeys(list.map((summary) => summary.name))],
      byName: new Map(list.map((summary) => [summary.name, summary])),
    }));
    // A folder that is gone is an error now, not a cached one.
    built.catch(() => {
      if (order === built) order = undefined;
    });
    order = built;
    return built;
  };
  server.server.registerCapabilities({ resources: { listChanged: true } });
  server.server.setRequestHandler(ListResourcesRequestSchema, async (request) => {
    const { keys, byName } = await currentOrder();
    const page = await pageOf(keys, request.params?.cursor, (name) =>
      name === '' ? listResource : toResource(byName.get(name)!),
    );
    return { resources: page.items, nextCursor: page.nextCursor };
  });
  // One template: the list never grows, but a cursor is still checked like everywhere else.
  server.server.setRequestHandler(ListResourceTemplatesRequestSchema, (request) => {
    decodeCursor(request.params?.cursor);
    return { resourceTemplates: [runbookTemplate] };
  });
  server.server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const uri = new URL(request.params.uri);
    if (uri.toString() === RUNBOOK_LIST_URI) return readList(engine, uri);
    const variables = template.match(uri.toString());
    if (variables) return readRunbook(engine, uri, variables.name);
    if (uri.href === RUN_FORM_URI) return readRunFormResource(uri);
    throw new McpError(ErrorCode.InvalidParams, `Resource ${uri} not found`);
  });
  return () => (order = undefined);
}

async function readList(engine: Engine, uri: URL): Promise<ReadResourceResult> {
  const list = (await engine.list()).map(toRunbook);
  return {
    contents: [
      { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(list, null, 2) },
    ],
  };
}

function toResource(summary: RunbookSummary): Resource {
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
