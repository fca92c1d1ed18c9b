/**
 * The words around a rendered runbook when it is handed to an assistant. Imports nothing from the
 * MCP SDK: the UI's "Copy as Claude prompt" builds the same text.
 */
import { outcomeOf } from './receipt.js';

/** The last successful run's log (else the latest log), shown as an example of a past run. */
export interface PastRun {
  createdAt: string;
  text: string;
  /** Its receipt says the run succeeded. */
  successful?: boolean;
}

/** The engine's past-run log as the prompt shows it. */
export function pastRunOf(log: { entry: { createdAt: string }; text: string }): PastRun {
  const successful = outcomeOf(log.text) === 'success';
  return { createdAt: log.entry.createdAt, text: log.text, ...(successful ? { successful } : {}) };
}

/** A past log longer than this is cut: it is an example, not something to replay. */
export const MAX_PAST_RUN_CHARS = 20_000;

/**
 * `tools`: the runbook's front matter `tools:`, the only MCP tools its run may use (absent: any).
 * `runId`: the id of this render, which the log passes back so its receipt names what was run.
 */
export function buildRunbookPrompt(
  name: string,
  rendered: string,
  lastLog?: PastRun,
  tools?: readonly string[],
  runId?: string,
): string {
  const parts = [
    `Carry out the runbook "${name}" below, step by step, with the tools you have.`,
    ...(tools ? [allowedToolsSection(tools)] : []),
    'Before each step, say what you are about to do; after it, check the result against what the runbook expects. ' +
      'If a step fails or the output is not what the runbook describes, stop and report instead of improvising. ' +
      'Before a step that changes or deletes something, ask the user first (the `request_approval` tool, where available, asks them in the Runbook Companion app).',
    logRequest(name, runId),
    `<runbook name="${name}">\n${rendered.trimEnd()}\n</runbook>`,
  ];
  if (lastLog) parts.push(pastRunSection(lastLog));
  return parts.join('\n\n');
}

function logRequest(name: string, runId: string | undefined): string {
  const start = `When you are done (or have stopped), call the \`create_runbook_log\` tool with runbook_name "${name}"`;
  const log =
    'execution_log: each step you ran, the commands and their key output, and the outcome.';
  if (!runId) return `${start} and ${log}`;
  return (
    `${start}, run_id "${runId}", outcome \`success\`, \`failure\` or \`partial\`, and ${log} ` +
    `(Run id ${runId} ties the log to this exact text of the runbook and the values filled in.)`
  );
}

/**
 * What a run or a plan may use when the runbook lists its tools. Runbook Companion's own
 * approval and log tools stay allowed: the words around every run ask for them.
 */
export function allowedToolsSection(tools: readonly string[]): string {
  const listed = tools.length ? tools.map((t) => `\`${t}\``).join(', ') : 'none';
  return (
    `This runbook allows only these MCP tools: ${listed} (and \`request_approval\` and \`create_runbook_log\`). ` +
    'Use no other tool. If a step needs one that is not listed, stop and tell the user instead of using it.'
  );
}

function pastRunSection(lastLog: PastRun): string {
  const text =
    lastLog.text.length > MAX_PAST_RUN_CHARS
      ? `${lastLog.text.slice(0, MAX_PAST_RUN_CHARS)}\n[… log cut at ${MAX_PAST_RUN_CHARS} characters]`
      : lastLog.text;
  return [
    `For reference, the log of the ${lastLog.successful ? 'last successful' : 'latest past'} run (${lastLog.createdAt}). It shows what happened then; ` +
      'the situation may differ now, so follow the runbook, not this log:',
    `<past_run_log>\n${text.trimEnd()}\n</past_run_log>`,
  ].join('\n');
}
