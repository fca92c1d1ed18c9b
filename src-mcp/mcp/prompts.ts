/**
 * Prompts: the earlier tool's `get_runbook_as_prompt`, and a prompt per runbook (all of them in a
 * small folder, the chosen ones in a large one: prompt-policy.ts) whose arguments are its
 * variables. Registered as raw handlers rather than one `registerPrompt` per runbook: the list
 * follows the folder live, waits for the first scan, comes in pages, and costs no schemas.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  McpError,
  type GetPromptResult,
  type Prompt,
} from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/engine.js';
import type { RunbookSummary } from '../engine/types.js';
import type { PromptCatalog } from './prompt-catalog.js';
import { pageOf } from './pagination.js';
import { KEYWORD_ARGUMENT, requiredKeyword, varsArgument } from './prompt-arguments.js';
import { COMPAT_PROMPT_NAME } from './prompt-names.js';
import { buildRunbookPrompt, pastRunOf, type PastRun } from '../engine/run-prompt-text.js';
import { describeVariable } from './schemas.js';
import { describeError } from './tool-result.js';
import { parseVarList } from '../engine/var-list.js';
import {
  PLAN_PROMPT_NAME,
  SAVE_CONVERSATION_PROMPT_NAME,
  getPlanPrompt,
  getSaveConversationPrompt,
  planPrompt,
  saveConversationPrompt,
} from './workflow-prompts.js';

export interface PromptOptions {
  /** Add the latest execution log to every prompt (the compat prompt can also ask per call). */
  includeLastLog?: boolean;
}

const compatPrompt: Prompt = {
  name: COMPAT_PROMPT_NAME,
  title: 'Run a runbook',
  description:
    'Finds a runbook by name or keyword, fills in its placeholders and returns it as instructions to carry out, ' +
    'ending with saving an execution log.',
  arguments: [
    KEYWORD_ARGUMENT,
    varsArgument(),
    {
      name: 'include_last_log',
      description: 'true to add the latest execution log as an example of a past run.',
    },
  ],
};

/**
 * The prompts that are no runbook's open the first page, under keys that sort before every
 * prompt name (paging needs sorted keys; '' is the earlier tool's prompt).
 */
const FIXED_PROMPTS = new Map<string, Prompt>([
  ['', compatPrompt],
  ['\u0001', planPrompt],
  ['\u0002', saveConversationPrompt],
]);

export function registerRunbookPrompts(
  server: McpServer,
  engine: Engine,
  catalog: PromptCatalog,
  options: PromptOptions = {},
): void {
  server.server.registerCapabilities({ prompts: { listChanged: true } });
  server.server.setRequestHandler(ListPromptsRequestSchema, async (request) => {
    const byName = await catalog.byPromptName();
    const keys = [...FIXED_PROMPTS.keys(), ...(await catalog.listedNames())];
    const page = await pageOf(
      keys,
      request.params?.cursor,
      (name) => FIXED_PROMPTS.get(name) ?? runbookPrompt(name, byName.get(name)!, catalog),
    );
    return { prompts: page.items, nextCursor: page.nextCursor };
  });
  server.server.setRequestHandler(GetPromptRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    try {
      if (name === COMPAT_PROMPT_NAME) return await getCompatPrompt(engine, args, options);
      if (name === PLAN_PROMPT_NAME) return await getPlanPrompt(engine, args);
      if (name === SAVE_CONVERSATION_PROMPT_NAME)
        return await getSaveConversationPrompt(engine, args);
      const summary = (await catalog.byPromptName()).get(name);
      if (!summary)
        throw new McpError(
          ErrorCode.InvalidParams,
          `Prompt ${name} not found; list the prompts again.`,
        );
      return await renderPrompt(
        engine,
        summary,
        presentValues(args),
        options.includeLastLog ?? false,
      );
    } catch (error) {
      if (error instanceof McpError) throw error;
      throw new McpError(ErrorCode.InvalidParams, describeError(error));
    }
  });
}

async function runbookPrompt(
  name: string,
  summary: RunbookSummary,
  catalog: PromptCatalog,
): Promise<Prompt> {
  const args = [];
  for (const v of summary.variables) {
    const known = v.choices?.length ? [] : await catalog.valuesFor(summary, v.name);
    args.push({ name: v.name, description: describeVariable(v, known), required: v.required });
  }
  // The title is the front matter's or the first heading; the description adds what follows it.
  const title = summary.title || summary.name;
  const about = summary.description.trim();
  const description = about && about !== title ? `${title}: ${about}` : title;
  return { name, title, description: `${description} (runbook ${summary.name})`, arguments: args };
}

async function getCompatPrompt(
  engine: Engine,
  args: Record<string, string>,
  options: PromptOptions,
): Promise<GetPromptResult> {
  const keyword = requiredKeyword(args);
  const vars = parseVarList(args.vars, { trimValues: true });
  const withLog =
    args.include_last_log === undefined
      ? (options.includeLastLog ?? false)
      : isYes(args.include_last_log);
  return renderPrompt(engine, await engine.findBest(keyword), vars, withLog);
}

async function renderPrompt(
  engine: Engine,
  summary: RunbookSummary,
  vars: Record<string, string>,
  withLog: boolean,
): Promise<GetPromptResult> {
  const { text: rendered, runId } = await engine.renderRun(summary.name, { vars });
  const lastLog = withLog ? await latestRun(engine, summary.name) : undefined;
  return {
    description: `Runbook ${summary.name}: ${summary.title}`,
    messages: [
      {
        role: 'user',
        content: {
          type: 'text',
          text: buildRunbookPrompt(summary.name, rendered, lastLog, summary.tools, runId),
        },
      },
    ],
  };
}

async function latestRun(engine: Engine, name: string): Promise<PastRun | undefined> {
  const latest = await engine.latestLog(name).catch(() => undefined);
  return latest && pastRunOf(latest);
}

/** A client sends an empty field for an optional argument left blank: that means "use the default". */
function presentValues(args: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== ''));
}

function isYes(value: string): boolean {
  return ['true', 'yes', '1', 'on'].includes(value.trim().toLowerCase());
}
