/**
 * What the run form's tools say in text: for a host that shows no apps, the variables and how to
 * fill them; and the secret-free view of a preview.
 */
import type { RunbookSummary, VariableSpec } from '../engine/types.js';
import { describeVariable } from './schemas.js';

/** Stands in for a secret value wherever the form's preview would show it. */
const SECRET_MASK = '••••••••';

export function runFormText(summary: RunbookSummary, profiles: string[]): string {
  const lines = [`Runbook ${summary.name}: ${summary.title || summary.name}`];
  const about = summary.description.trim();
  if (about && about !== summary.title) lines.push(about);
  lines.push('');
  if (summary.variables.length === 0) lines.push('It has no variables: it is ready to run.');
  else {
    lines.push('Variables:');
    for (const v of summary.variables)
      lines.push(`- ${v.name} (${need(v)}): ${describeVariable(v)}`);
  }
  if (profiles.length) lines.push(`Env profiles: ${profiles.join(', ')} (optional).`);
  lines.push('', howToFill(summary));
  return lines.join('\n');
}

function need(v: VariableSpec): string {
  return v.required ? 'required' : 'optional';
}

function howToFill(summary: RunbookSummary): string {
  const example = summary.variables.map((v) => `${v.name}=…`).join(',');
  const vars = example ? ` and vars "${example}"` : '';
  return [
    'A host that shows apps displays a form for these values here. Otherwise ask the user for the',
    'required values (a secret one is typed by the user and never repeated back), then use the prompt',
    `get_runbook_as_prompt with runbook_search_keyword "${summary.name}"${vars},`,
    `or call get_runbook with name "${summary.name}" and vars as an object.`,
  ].join(' ');
}

/** The values as the preview renders them: a secret the user typed shows as a mask, never as itself. */
export function maskSecrets(
  variables: readonly VariableSpec[],
  vars: Record<string, string>,
): Record<string, string> {
  const masked = { ...vars };
  for (const v of variables) if (v.secret && masked[v.name]) masked[v.name] = SECRET_MASK;
  return masked;
}
