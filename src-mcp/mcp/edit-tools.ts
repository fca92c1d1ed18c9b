/** Tools that change the folder: create_runbook, delete_runbook, reindex_runbooks. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { isRunbookError } from '../engine/errors.js';
import { MAX_RUNBOOK_BYTES } from '../engine/store-scan.js';
import { runbookNameField, runbookShape, toRunbook } from './schemas.js';
import { dataResult, runTool } from './tool-result.js';

const newNameField = runbookNameField.describe(
  'Name of the runbook to write: a path inside the runbook folder, such as "deploy/rollback" (".md" is ' +
    'added). With overwrite, exactly this name is replaced, never a similar one.',
);

const exactNameField = runbookNameField.describe(
  'The exact runbook name as list_runbooks shows it, such as "deploy/rollback" (the path inside the ' +
    'folder, with or without its extension). A bare file name or a different case is refused, listing the candidates.',
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
        'existing runbook unless overwrite is true; with overwrite, the exact name is replaced and its previous ' +
        "text is kept in the folder's .trash/ (the result says where).",
      inputSchema: {
        name: newNameField,
        content: z
          .string()
          .max(MAX_RUNBOOK_BYTES)
          .describe('The whole runbook text, front matter included if any.'),
        overwrite: z
          .boolean()
          .default(false)
          .describe('Replace an existing runbook of that name (default false).'),
      },
      outputSchema: {
        runbook: runbookShape,
        path: z.string().describe('File path inside the folder.'),
        previousTextPath: z
          .string()
          .optional()
          .describe('When an existing runbook was replaced: where its previous text is kept.'),
      },
      annotations: {
        title: 'Create a runbook',
        readOnlyHint: false,
        // overwrite: true replaces a runbook's text (recoverably, but still a destructive act).
        destructiveHint: true,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ name, content, overwrite }) =>
      runTool(async () => {
        const { backupPath, ...summary } = await engine
          .create(name, content, { overwrite })
          .catch((error: unknown) => Promise.reject(withOverwriteHint(error)));
        const vars = summary.variables.map((v) => v.name);
        const kept = backupPath ? ` The previous text is kept in ${backupPath}.` : '';
        const text = `Saved runbook ${summary.name} (${summary.path})${vars.length ? `; variables: ${vars.join(', ')}` : ''}.${kept}`;
        return dataResult(text, {
          runbook: toRunbook(summary),
          path: summary.path,
          ...(backupPath ? { previousTextPath: backupPath } : {}),
        });
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
        'from there). Takes the exact name only. Confirm with the user before calling this.',
      inputSchema: { name: exactNameField },
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
        const deleted = await engine.delete(name);
        return dataResult(`Moved ${deleted.name} to ${deleted.trashPath}.`, deleted);
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

/** A taken name: the engine's fix speaks to every face, and only this tool can replace. */
function withOverwriteHint(error: unknown): unknown {
  if (!isRunbookError(error) || error.code !== 'exists' || error.key !== 'name') return error;
  const replace =
    'To replace that runbook instead, call create_runbook again with its exact name and overwrite: true (its text is kept in .trash/); ask the user first.';
  return error.withFix([error.fix, replace].filter(Boolean).join(' '));
}
