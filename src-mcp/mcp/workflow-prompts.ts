/**
 * The prompts that are not a runbook's: `plan_runbook` (a dry run: a plan, nothing carried out)
 * and `save_conversation_as_runbook` (the conversation written up as a new runbook).
 */
import {
  ErrorCode,
  McpError,
  type GetPromptResult,
  type Prompt,
} from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/engine.js';
import { MAX_NAME_LENGTH } from '../engine/limits.js';
import { parseVarList } from '../engine/var-list.js';
import { buildSaveConversationPrompt } from './conversation-prompt-text.js';
import { buildPlanPrompt } from './plan-prompt-text.js';
import { KEYWORD_ARGUMENT, requiredKeyword, varsArgument } from './prompt-arguments.js';
import { RESERVED_PROMPT_NAMES } from './prompt-names.js';

export const [, PLAN_PROMPT_NAME, SAVE_CONVERSATION_PROMPT_NAME] = RESERVED_PROMPT_NAMES;

/** env.yaml keys named in the conversation prompt: a hint, not a listing. */
const ENV_KEYS_SHOWN = 50;

export const planPrompt: Prompt = {
  name: PLAN_PROMPT_NAME,
  title: 'Plan a runbook (dry run)',
  description:
    'Finds a runbook, fills in its placeholders and asks for an execution plan without running or changing anything: ' +
    'numbered steps, the MCP tool of each, what could go wrong, and which steps need approval.',
  arguments: [KEYWORD_ARGUMENT, varsArgument(' Values left out stay as placeholders in the plan.')],
};

export const saveConversationPrompt: Prompt = {
  name: SAVE_CONVERSATION_PROMPT_NAME,
  title: 'Save this conversation as a runbook',
  description:
    'Asks the assistant to write what was done in this conversation as a reusable runbook (front matter, variables ' +
    'for the values that change, env placeholders) and save it with create_runbook.',
  arguments: [
    {
      name: 'name',
      description:
        'Name for the new runbook, such as "restart-worker"; left empty, the assistant proposes one.',
    },
    { name: 'folder', description: 'Folder to put it in, such as "queues"; empty for the top.' },
  ],
};

export async function getPlanPrompt(
  engine: Engine,
  args: Record<string, string>,
): Promise<GetPromptResult> {
  const keyword = requiredKeyword(args);
  const vars = parseVarList(args.vars, { trimValues: true });
  const summary = await engine.findBest(keyword);
  // Lenient: a plan is useful before every value is known; what is missing is named in it.
  const preview = await engine.preview(summary.name, { vars });
  const problems = preview.diagnostics.filter((d) => d.code !== 'missing-values');
  const text = buildPlanPrompt({
    name: summary.name,
    rendered: preview.text,
    tools: summary.tools,
    missing: preview.unresolved,
    problems,
  });
  return {
    description: `Plan for runbook ${summary.name}: ${summary.title}`,
    messages: [{ role: 'user', content: { type: 'text', text } }],
  };
}

export async function getSaveConversationPrompt(
  engine: Engine,
  args: Record<string, string>,
): Promise<GetPromptResult> {
  const name = boundedArgument(args, 'name');
  const folder = boundedArgument(args, 'folder');
  // A broken env.yaml only costs the hint.
  const env = await engine.env().then(
    (loaded) => loaded.env,
    () => ({}),
  );
  const envKeys = Object.keys(env).slice(0, ENV_KEYS_SHOWN);
  const text = buildSaveConversationPrompt({ name, folder, envKeys });
  return {
    description: 'Save this conversation as a runbook',
    messages: [{ role: 'user', content: { type: 'text', text } }],
  };
}

function boundedArgument(args: Record<string, string>, key: string): string | undefined {
  const value = args[key]?.trim();
  if (!value) return undefined;
  if (value.length > MAX_NAME_LENGTH || /[\r\n]/.test(value)) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `${key} must be one line of at most ${MAX_NAME_LENGTH} characters, such as "deploy/rollback".`,
    );
  }
  return value;
}
