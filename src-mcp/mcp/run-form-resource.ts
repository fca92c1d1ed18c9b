/**
 * The run form's view: one self-contained HTML file (src-app, built by Vite into
 * `dist/app/run-form.html`), read beside the server bundle when a client first asks for it. Inlined
 * into the bundle it made every start decode and compile half a megabyte more (MCP `initialize`
 * 166 → 365 ms); the .mcpb and the packaged app ship the file next to `mcp.js`.
 */
import { readFileSync } from 'node:fs';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpUiResourceMeta } from '@modelcontextprotocol/ext-apps';
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';

/** Where the build puts the view, relative to the bundle this module is part of. */
const RUN_FORM_FILE = new URL('./app/run-form.html', import.meta.url);

export const RUN_FORM_URI = 'ui://runbook-companion/run-form.html';

/** No network at all: everything the view needs is inside the file, and it talks only to the host. */
const RUN_FORM_UI_META: McpUiResourceMeta = {
  csp: { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] },
  prefersBorder: true,
};

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Runbook run form</title>' +
  '<p>The run form was not built beside this server (app/run-form.html). Run <code>npm run build</code>; ' +
  'until then, use get_runbook_as_prompt.</p>';

let cached: string | undefined;

function runFormHtml(): string {
  if (cached !== undefined) return cached;
  try {
    cached = readFileSync(RUN_FORM_FILE, 'utf8');
  } catch {
    return NOT_BUILT;
  }
  return cached;
}

export function readRunFormResource(uri: URL): ReadResourceResult {
  return {
    contents: [
      {
        uri: uri.href,
        mimeType: RESOURCE_MIME_TYPE,
        text: runFormHtml(),
        _meta: { ui: RUN_FORM_UI_META },
      },
    ],
  };
}
