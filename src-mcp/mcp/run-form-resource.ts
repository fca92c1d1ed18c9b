/**
 * The run form's view: one self-contained HTML file (src-app, built by Vite) that the build inlines
 * into the server bundle, so `dist/mcp.js` serves it alone (from dist/, the app, or a .mcpb folder).
 */
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpUiResourceMeta } from '@modelcontextprotocol/ext-apps';
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';

/** Set by scripts/build.mjs from dist/app/run-form.html; absent when the sources run unbundled. */
declare const __RUNBOOK_FORM_HTML__: string | undefined;

export const RUN_FORM_URI = 'ui://runbook-companion/run-form.html';

/** No network at all: everything the view needs is inside the file, and it talks only to the host. */
const RUN_FORM_UI_META: McpUiResourceMeta = {
  csp: { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] },
  prefersBorder: true,
};

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Runbook run form</title>' +
  '<p>The run form was not built into this server. Run <code>npm run build</code>; ' +
  'until then, use get_runbook_as_prompt.</p>';

function runFormHtml(): string {
  return typeof __RUNBOOK_FORM_HTML__ === 'string' && __RUNBOOK_FORM_HTML__
    ? __RUNBOOK_FORM_HTML__
    : NOT_BUILT;
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
