import { reusableValues } from '../engine/receipt-log.js';
import { buildRunbookPrompt, pastRunOf } from '../engine/run-prompt-text.js';
import type { RunbookSummary } from '../engine/types.js';
import type { ApiHandlers, RunbookBrief } from './contract.js';
import type { EngineSource } from './session.js';

type RunbookHandlers = Pick<
  ApiHandlers,
  | 'list'
  | 'listBrief'
  | 'search'
  | 'read'
  | 'variables'
  | 'save'
  | 'create'
  | 'rename'
  | 'delete'
  | 'restore'
  | 'preview'
  | 'render'
  | 'promptText'
  | 'logsList'
  | 'logsRead'
  | 'logReceipt'
>;

export function runbookHandlers(source: EngineSource): RunbookHandlers {
  // A getter, not a captured engine: the folder may be reopened between calls.
  const engine = () => source.engine;
  return {
    list: () => engine().list(),
    listBrief: async () => {
      // Read first: the list then has every change told up to it, maybe more, never fewer.
      const revision = source.revision ?? '';
      return { revision, runbooks: (await engine().list()).map(briefOf) };
    },
    search: ({ query, limit, offset }) =>
      engine().searchPage(query, { limit: limit ?? 30, offset }),
    read: ({ name }) => engine().read(name),
    variables: ({ name }) => engine().variables(name),
    save: ({ name, content, baseMtimeMs }) => engine().save(name, content, { baseMtimeMs }),
    create: ({ name, content }) => engine().create(name, content ?? starterContent(name)),
    rename: ({ from, to }) => engine().rename(from, to),
    delete: ({ name }) => engine().delete(name),
    restore: ({ trashPath }) => engine().restore(trashPath),
    preview: ({ name, content, vars, profile }) =>
      engine().preview(name, { content, vars: vars ?? {}, profile }),
    render: async ({ name, vars, profile }) => ({
      text: await engine().render(name, { vars: vars ?? {}, profile }),
    }),
    // The same words the MCP prompt gives, so pasting into a chat behaves like attaching it there.
    promptText: async ({ name, vars, profile, includeLastLog }) => {
      const open = engine();
      const summary = await open.resolve(name);
      const run = await open.renderRun(summary.name, { vars: vars ?? {}, profile });
      const last = includeLastLog ? await open.latestLog(summary.name) : undefined;
      const pastRun = last && pastRunOf(last);
      return {
        text: buildRunbookPrompt(summary.name, run.text, pastRun, summary.tools, run.runId),
      };
    },
    logsList: ({ name }) => engine().listLogs(name),
    logsRead: async ({ name, id }) => ({ text: await engine().readLog(name, id) }),
    logReceipt: async ({ name, id }) => {
      const receipt = await engine().logReceipt(name, id);
      const profile = receipt?.profile;
      return { receipt, values: reusableValues(receipt), ...(profile ? { profile } : {}) };
    },
  };
}

function briefOf(summary: RunbookSummary): RunbookBrief {
  const brief: RunbookBrief = { name: summary.name, title: summary.title };
  const ext = summary.path.slice(summary.path.lastIndexOf('.'));
  if (ext !== '.md') brief.ext = ext;
  if (summary.tags.length > 0) brief.tags = summary.tags;
  if (summary.variables.some((v) => v.required)) brief.needsValues = true;
  return brief;
}

/** A new runbook starts with the front matter users otherwise look up. */
function starterContent(name: string): string {
  const title = (name.split('/').pop() ?? name)
    .replace(/\.(md|markdown|txt)$/i, '')
    .replace(/[-_]+/g, ' ');
  return [
    '---',
    `title: ${title.charAt(0).toUpperCase()}${title.slice(1)}`,
    'description: What this runbook is for, in one sentence.',
    'tags: []',
    'variables: {}',
    '---',
    '',
    `# ${title.charAt(0).toUpperCase()}${title.slice(1)}`,
    '',
    '1. First step.',
    '',
  ].join('\n');
}
