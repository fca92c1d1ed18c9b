/**
 * The words of `plan_runbook`: a dry run. The model reads the rendered runbook and answers with a
 * plan, running nothing. Imports nothing from the MCP SDK, as engine/run-prompt-text.ts.
 */
import type { Diagnostic, Unresolved } from '../engine/types.js';
import { allowedToolsSection } from '../engine/run-prompt-text.js';

export interface PlanInput {
  name: string;
  /** The runbook rendered leniently: a value not given yet stays as its placeholder. */
  rendered: string;
  tools?: readonly string[];
  /** Values not given yet (their placeholders are still in the text). */
  missing: readonly Unresolved[];
  /** What else went wrong while rendering (a missing include, a broken env.yaml). */
  problems: readonly Diagnostic[];
}

export function buildPlanPrompt(input: PlanInput): string {
  const { name, rendered, tools } = input;
  const parts = [
    `Make an execution plan for the runbook "${name}" below. This is a dry run: do not carry out any step, ` +
      'call no tool that runs a command or changes anything, and change nothing. Reading (searching, listing, ' +
      'getting runbooks) is fine.',
    [
      'Reply with the plan only:',
      '1. Numbered steps, in the order you would carry them out.',
      '2. For each step, the MCP tool you would use (its exact name, from the tools you have) and its main arguments; "by hand" when no tool fits.',
      '3. For each step, what could go wrong, and how you would notice.',
      '4. Mark each step that changes, restarts or deletes something "needs approval": it runs only after the user says yes (`request_approval`).',
      'End with what you would still need before running it: missing values, access, tools you do not have.',
    ].join('\n'),
    ...(tools ? [allowedToolsSection(tools)] : []),
    ...notReadySection(input),
    `<runbook name="${name}">\n${rendered.trimEnd()}\n</runbook>`,
  ];
  return parts.join('\n\n');
}

function notReadySection({ missing, problems }: PlanInput): string[] {
  const lines = [
    ...missing.map(
      (u) => `- ${u.key} (line ${u.line}${u.file ? ` of ${u.file}` : ''}): ${u.message}`,
    ),
    ...problems.map(
      (p) => `- ${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}${p.message}`,
    ),
  ];
  if (lines.length === 0) return [];
  return [
    `Not ready to run yet: these placeholders are still as written in the text. List them among what you still need; do not guess them:\n${lines.join('\n')}`,
  ];
}
