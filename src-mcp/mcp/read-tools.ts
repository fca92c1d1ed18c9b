/** Tools that find and read runbooks: search_runbooks, get_runbook, list_runbooks. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { describeCopies, describeSearchPage, nextOffset } from '../engine/search-summary.js';
import type { RunbookSummary, SearchPage, Unresolved } from '../engine/types.js';
import {
  describeVariable,
  folderField,
  missingShape,
  queryField,
  runbookNameField,
  runbookShape,
  searchPageShape,
  toMissing,
  toRunbook,
  toSearchHit,
  varsField,
} from './schemas.js';
import { dataResult, runTool } from './tool-result.js';

const readOnly = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

export function registerReadTools(server: McpServer, engine: Engine): void {
  registerSearch(server, engine);
  registerGet(server, engine);
  registerList(server, engine);
}

function registerSearch(server: McpServer, engine: Engine): void {
  server.registerTool(
    'search_runbooks',
    {
      title: 'Search runbooks',
      description:
        'Full-text search over the runbook folder (names, titles, tags and text; prefix, typo and accent tolerant). ' +
        'Returns the best matches first, each with a snippet, and how many results there are in all; ' +
        'identical copies of a runbook are one hit that names them. Use it to find the runbook for a task or an alert, ' +
        'then get_runbook to read it. For more results, call again with offset.',
      inputSchema: {
        query: queryField.describe('Words to look for, such as "redis memory" or an alert name.'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(50)
          .default(10)
          .describe('How many hits to return (1-50, default 10).'),
        offset: z
          .number()
          .int()
          .min(0)
          .max(100_000)
          .default(0)
          .describe('How many results to skip: 10 with limit 10 gives results 11-20 (default 0).'),
      },
      outputSchema: searchPageShape,
      annotations: { title: 'Search runbooks', ...readOnly },
    },
    ({ query, limit, offset }) =>
      runTool(async () => {
        const page = await engine.searchPage(query, { limit, offset });
        const { total, matched } = page;
        const hits = page.hits.map(toSearchHit);
        return dataResult(searchText(query, page), { hits, total, matched, offset });
      }),
  );
}

/** What a model reads: the count first, then numbered hits, then how to get more. */
function searchText(query: string, page: SearchPage): string {
  if (page.total === 0)
    return `No runbook matches ${JSON.stringify(query)}. Try other words, or list_runbooks.`;
  const lines = [`${describeSearchPage(page)}.`];
  page.hits.forEach((hit, i) => {
    lines.push(`${page.offset + i + 1}. ${hit.name} — ${hit.title}`);
    const copies = describeCopies(hit);
    if (copies) lines.push(`   ${copies}`);
    lines.push(`   ${hit.snippet}`);
  });
  const next = nextOffset(page);
  if (next !== undefined) lines.push(`More: call again with offset ${next}.`);
  return lines.join('\n');
}

function registerGet(server: McpServer, engine: Engine): void {
  server.registerTool(
    'get_runbook',
    {
      title: 'Get a runbook, filled in',
      description:
        "Returns a runbook with its placeholders filled in from the folder's env.yaml and the values you pass. " +
        'If values are missing, returns complete=false and the list of what is missing instead of the text: ' +
        'ask the user for those values (a variable’s description lists its choices) and call again. ' +
        'A complete runbook comes with a run_id: when you carry it out, pass it to create_runbook_log with the outcome.',
      inputSchema: {
        name: runbookNameField.describe(
          'Runbook name as listed by list_runbooks or search_runbooks, such as "docs/redis/README".',
        ),
        vars: varsField
          .default({})
          .describe('Values for the runbook\'s variables, such as {"service": "api"}.'),
      },
      outputSchema: {
        name: z.string(),
        complete: z.boolean().describe('False when values are missing; then `text` is absent.'),
        text: z.string().optional().describe('The filled-in runbook.'),
        run_id: z
          .string()
          .optional()
          .describe('Pass it to create_runbook_log when you carry the runbook out.'),
        missing: z.array(missingShape),
      },
      annotations: { title: 'Get a runbook, filled in', ...readOnly },
    },
    ({ name, vars }) =>
      runTool(async () => {
        const summary = await engine.resolve(name);
        const missing = await engine.missing(summary.name, { vars });
        if (missing.length) {
          const text = describeMissing(summary, missing);
          return dataResult(text, {
            name: summary.name,
            complete: false,
            missing: missing.map(toMissing),
          });
        }
        const { text, runId } = await engine.renderRun(summary.name, { vars });
        const note = runIdNote(summary.name, runId);
        const result = { name: summary.name, complete: true, text, run_id: runId, missing: [] };
        return dataResult(`${text.trimEnd()}\n\n${note}`, result);
      }),
  );
}

/** After the text, where a model reads on: the log it writes at the end names this run. */
function runIdNote(name: string, runId: string): string {
  return (
    `(Run id ${runId}. When you carry out this runbook, finish with create_runbook_log: runbook_name "${name}", ` +
    `run_id "${runId}", outcome success, failure or partial, and the execution log.)`
  );
}

function describeMissing(summary: RunbookSummary, missing: Unresolved[]): string {
  const lines = missing.map((u) => {
    const spec =
      u.kind === 'var' ? summary.variables.find((v) => `var.${v.name}` === u.key) : undefined;
    return `- ${u.key} (line ${u.line}): ${spec ? describeVariable(spec) : u.message}`;
  });
  return [
    `Runbook ${summary.name} needs more values before it can be filled in:`,
    ...lines,
    'Pass variables in `vars`; values missing from env.yaml must be added to that file.',
  ].join('\n');
}

function registerList(server: McpServer, engine: Engine): void {
  server.registerTool(
    'list_runbooks',
    {
      title: 'List runbooks',
      description:
        'Lists the runbooks in the folder with their titles, tags and variables, sorted by name. ' +
        'Use folder to narrow a large collection; search_runbooks is better for finding one by topic.',
      inputSchema: {
        folder: folderField
          .default('')
          .describe('Only runbooks under this folder, such as "docs/redis"; empty for all.'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .default(200)
          .describe('At most this many runbooks (default 200).'),
      },
      outputSchema: {
        runbooks: z.array(runbookShape),
        total: z.number().describe('How many runbooks matched before the limit.'),
      },
      annotations: { title: 'List runbooks', ...readOnly },
    },
    ({ folder, limit }) =>
      runTool(async () => {
        const prefix = folder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
        const all = (await engine.list()).filter((s) => !prefix || s.name.startsWith(`${prefix}/`));
        const runbooks = all.slice(0, limit).map(toRunbook);
        const more =
          all.length > runbooks.length
            ? `\n(${all.length - runbooks.length} more; raise limit or narrow folder)`
            : '';
        const text = runbooks.length
          ? runbooks.map((r) => `${r.name} — ${r.title}${variableList(r.variables)}`).join('\n') +
            more
          : 'No runbooks here yet. create_runbook adds one.';
        return dataResult(text, { runbooks, total: all.length });
      }),
  );
}

function variableList(variables: { name: string }[]): string {
  return variables.length ? ` (vars: ${variables.map((v) => v.name).join(', ')})` : '';
}
