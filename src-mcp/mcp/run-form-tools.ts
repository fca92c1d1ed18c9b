/**
 * The run form as an MCP App: `open_runbook_form` shows a form in the conversation (hosts that
 * render apps) or lists the variables and how to fill them (every other host). The form calls two
 * app-only tools: a live preview with secrets masked, and the prompt it sends into the chat, which
 * is the text get_runbook_as_prompt gives for the same values.
 */
import { registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { RunbookError } from '../engine/errors.js';
import { MAX_PROFILE_LENGTH } from '../engine/limits.js';
import type { RunbookSummary } from '../engine/types.js';
import { buildRunbookPrompt, pastRunOf } from '../engine/run-prompt-text.js';
import { RUN_FORM_URI } from './run-form-resource.js';
import { maskSecrets, runFormText } from './run-form-text.js';
import {
  missingShape,
  runbookNameField,
  toMissing,
  toVariable,
  variableShape,
  varsField,
} from './schemas.js';
import { dataResult, runTool } from './tool-result.js';

export interface RunFormOptions {
  /** As for get_runbook_as_prompt: add the latest execution log to the prompt. */
  includeLastLog?: boolean;
}

const readOnly = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
/** Tools only the form calls: a host that honours visibility keeps them from the model. */
const appOnly = { ui: { visibility: ['app'] } };

const formVariableShape = variableShape.extend({
  declared: z.boolean().describe('False when only found as {var.x} in the text.'),
});
const profileField = z
  .string()
  .max(MAX_PROFILE_LENGTH)
  .optional()
  .describe('Env profile: env.<profile>.yaml merged over env.yaml; empty for the default.');
const formValues = {
  runbook_name: runbookNameField.describe('The runbook name the form was opened for.'),
  vars: varsField.default({}).describe('The values typed in the form, by variable name.'),
  profile: profileField,
};

export function registerRunFormTools(
  server: McpServer,
  engine: Engine,
  options: RunFormOptions = {},
): void {
  registerOpenForm(server, engine);
  registerPreview(server, engine);
  registerPrompt(server, engine, options);
}

function registerOpenForm(server: McpServer, engine: Engine): void {
  registerAppTool(
    server,
    'open_runbook_form',
    {
      title: 'Open a runbook’s run form',
      description:
        'Opens a form in the conversation to fill in and run a runbook: one field per variable, the env profile, ' +
        'a live preview, and a button that sends the filled-in runbook here as the prompt to carry out. ' +
        'Call it when the user asks to run a runbook. Takes a runbook name, file name or search words. ' +
        'Hosts without forms get the variables and how to fill them as text.',
      inputSchema: {
        runbook_name: runbookNameField.describe(
          'Runbook name, file name or search words, as for get_runbook_as_prompt: "deploy/rollback", "rollback".',
        ),
      },
      outputSchema: {
        name: z.string(),
        title: z.string(),
        description: z.string(),
        variables: z.array(formVariableShape),
        profiles: z.array(z.string()).describe('The env profiles the folder has.'),
        profile: z.string().optional().describe('The profile the server was started with.'),
      },
      annotations: { title: 'Open a runbook’s run form', ...readOnly },
      _meta: { ui: { resourceUri: RUN_FORM_URI } },
    },
    ({ runbook_name }) =>
      runTool(async () => {
        const summary = await findRunbook(engine, runbook_name);
        const profiles = await engine.profiles().catch(() => []);
        return dataResult(runFormText(summary, profiles), {
          name: summary.name,
          title: summary.title || summary.name,
          description: summary.description,
          variables: summary.variables.map((v) => ({ ...toVariable(v), declared: v.declared })),
          profiles,
          ...(engine.profile ? { profile: engine.profile } : {}),
        });
      }),
  );
}

function registerPreview(server: McpServer, engine: Engine): void {
  server.registerTool(
    'preview_runbook_form',
    {
      title: 'Preview a runbook with the form’s values',
      description:
        'Used by the run form: renders a runbook with the values typed so far, leaving each missing placeholder ' +
        'as written and listing where it is. Secret values show as a mask.',
      inputSchema: formValues,
      outputSchema: {
        name: z.string(),
        text: z.string().describe('The rendered text; missing placeholders are left as written.'),
        unresolved: z.array(missingShape.extend({ start: z.number(), end: z.number() })),
        problems: z.array(z.string()).describe('Values that are not allowed, broken env files.'),
      },
      annotations: { title: 'Preview a runbook', ...readOnly },
      _meta: appOnly,
    },
    ({ runbook_name, vars, profile }) =>
      runTool(async () => {
        const summary = await engine.resolve(runbook_name);
        const masked = maskSecrets(summary.variables, vars);
        const render = await engine.preview(summary.name, {
          vars: masked,
          profile: profile || undefined,
        });
        const { text, unresolved } = render;
        const missing = unresolved.map((u) => u.key);
        const status = missing.length ? `Missing: ${missing.join(', ')}` : 'Complete.';
        return dataResult(status, {
          name: summary.name,
          text,
          unresolved: unresolved.map((u) => ({ ...toMissing(u), start: u.start, end: u.end })),
          problems: render.diagnostics
            .filter((d) => d.code !== 'missing-values')
            .map((d) => d.message),
        });
      }),
  );
}

function registerPrompt(server: McpServer, engine: Engine, options: RunFormOptions): void {
  server.registerTool(
    'runbook_form_prompt',
    {
      title: 'The runbook prompt for the form’s values',
      description:
        'Used by the run form’s send button: the filled-in runbook as instructions to carry out, the same text ' +
        'as the get_runbook_as_prompt prompt gives for these values. Fails, naming them, while values are missing.',
      inputSchema: formValues,
      outputSchema: {
        name: z.string(),
        text: z.string(),
        run_id: z.string().describe('The run id the text asks create_runbook_log to pass back.'),
      },
      annotations: { title: 'Runbook prompt', ...readOnly },
      _meta: appOnly,
    },
    ({ runbook_name, vars, profile }) =>
      runTool(async () => {
        const summary = await engine.resolve(runbook_name);
        const request = { vars, profile: profile || undefined };
        const { text: rendered, runId } = await engine.renderRun(summary.name, request);
        const latest = options.includeLastLog
          ? await engine.latestLog(summary.name).catch(() => undefined)
          : undefined;
        const lastLog = latest && pastRunOf(latest);
        const text = buildRunbookPrompt(summary.name, rendered, lastLog, summary.tools, runId);
        return dataResult(text, { name: summary.name, text, run_id: runId });
      }),
  );
}

/** Search words may find a runbook, as in get_runbook_as_prompt; a path that leaves the folder never does. */
async function findRunbook(engine: Engine, input: string): Promise<RunbookSummary> {
  const slashed = input.trim().replace(/\\/g, '/');
  const leaves =
    slashed.includes('\0') || /^([A-Za-z]:)?\//.test(slashed) || slashed.split('/').includes('..');
  if (leaves)
    throw new RunbookError(
      'path-escape',
      `${JSON.stringify(input)} is outside the runbook folder.`,
      {
        key: 'runbook_name',
        fix: 'Give a runbook name as list_runbooks shows it, or search words.',
      },
    );
  return engine.findBest(input);
}
