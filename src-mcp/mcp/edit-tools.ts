/** Tools that change the folder: create_runbook, delete_runbook, reindex_runbooks. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { runbookShape, toRunbook } from './schemas.js';
import { dataResult, runTool } from './tool-result.js';

const nameField = z
  .string()
  .describe(
    'Runbook name: a path inside the runbook folder without extension, such as "deploy/rollback".',
  );

export function registerEditTools(server: McpServer, engine: Engine): void {
  registerCreate(server, engine);
  registerDelete(server, engine);
  registerReindex(server, engine);
}

function registerCreate(server: McpServer, engine: Engine): void {
  server.registerTool(
    'create_runbook',
    {
      title: 'Create a runbook',
      description:
        'Writes a new runbook (markdown) into the runbook folder. Placeholders: {var.name} for values given ' +
        'at run time, {env[a][b]} for values from env.yaml; optional YAML front matter (title, description, ' +
        'tags, vars) declares variables with descriptions, defaults and choices. Refuses to replace an ' +
        'existing runbook unless overwrite is true.',
      inputSchema: {
        name: nameField,
        content: z.string().describe('The whole runbook text, front matter included if any.'),
        overwrite: z
          .boolean()
          .default(false)
          .describe('Replace an existing runbook of that name (default false).'),
      },
      outputSchema: {
        runbook: runbookShape,
        path: z.string().describe('File path inside the folder.'),
      },
      annotations: {
        title: 'Create a runbook',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ name, content, overwrite }) =>
      runTool(async () => {
        const summary = await engine.create(name, content, { overwrite });
        const vars = summary.variables.map((v) => v.name);
        const text = `Saved runbook ${summary.name} (${summary.path})${vars.length ? `; variables: ${vars.join(', ')}` : ''}.`;
        return dataResult(text, { runbook: toRunbook(summary), path: summary.path });
      }),
  );
}

function registerDelete(server: McpServer, engine: Engine): void {
  server.registerTool(
    'delete_runbook',
    {
      title: 'Delete a runbook',
      description:
        "Removes a runbook from the folder by moving it into the folder's .trash/ (the user can restore it " +
        'from there). Confirm with the user before calling this.',
      inputSchema: { name: nameField },
      outputSchema: {
        name: z.string(),
        trashPath: z.string().describe('Where the file went, for restoring it.'),
      },
      annotations: {
        title: 'Delete a runbook',
        readOnlyHint: false,
        destructiveHint: true,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ name }) =>
      runTool(async () => {
        const summary = await engine.resolve(name);
        const { trashPath } = await engine.delete(summary.name);
        return dataResult(`Moved ${summary.name} to ${trashPath}.`, {
          name: summary.name,
          trashPath,
        });
      }),
  );
}

function registerReindex(server: McpServer, engine: Engine): void {
  server.registerTool(
    'reindex_runbooks',
    {
      title: 'Rescan the runbook folder',
      description:
        'Rescans the whole runbook folder and rebuilds the search index. Rarely needed: changes on disk are ' +
        'picked up automatically. Kept for compatibility with the earlier Runbook MCP server.',
      inputSchema: {},
      outputSchema: {
        total: z.number(),
        added: z.array(z.string()),
        changed: z.array(z.string()),
        removed: z.array(z.string()),
      },
      annotations: {
        title: 'Rescan the runbook folder',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    () =>
      runTool(async () => {
        const event = await engine.reindex();
        const total = (await engine.list()).length;
        const { added, changed, removed } = event;
        const text = `Indexed ${total} runbooks (${added.length} added, ${changed.length} changed, ${removed.length} removed).`;
        return dataResult(text, { total, added, changed, removed });
      }),
  );
}
