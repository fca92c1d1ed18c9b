/** What open_runbook_form hands the view (its structuredContent), checked before use. */
import type { LenientRender, Unresolved, VariableSpec } from '../../src-mcp/engine/types.js';

export interface FormSpec {
  name: string;
  title: string;
  description: string;
  variables: VariableSpec[];
  profiles: string[];
  profile?: string;
}

/** The result of a tool call that is not what this view expects (an older server, an error). */
export function toFormSpec(data: unknown): FormSpec | undefined {
  if (!isRecord(data) || typeof data.name !== 'string' || !Array.isArray(data.variables))
    return undefined;
  const variables = data.variables.filter(isVariable);
  const profiles = Array.isArray(data.profiles)
    ? data.profiles.filter((p): p is string => typeof p === 'string')
    : [];
  return {
    name: data.name,
    title: typeof data.title === 'string' && data.title ? data.title : data.name,
    description: typeof data.description === 'string' ? data.description : '',
    variables,
    profiles,
    profile: typeof data.profile === 'string' ? data.profile : undefined,
  };
}

function isVariable(value: unknown): value is VariableSpec {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.required === 'boolean' &&
    typeof value.secret === 'boolean' &&
    typeof value.declared === 'boolean'
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What preview_runbook_form answers, as the renderer's PreviewText takes it. */
export function toPreview(data: unknown): { render: LenientRender; problems: string[] } {
  const record = isRecord(data) ? data : {};
  const unresolved = Array.isArray(record.unresolved) ? record.unresolved.filter(isUnresolved) : [];
  const problems = Array.isArray(record.problems)
    ? record.problems.filter((p): p is string => typeof p === 'string')
    : [];
  const text = typeof record.text === 'string' ? record.text : '';
  return { render: { text, unresolved, diagnostics: [] }, problems };
}

function isUnresolved(value: unknown): value is Unresolved {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.start === 'number' &&
    typeof value.end === 'number'
  );
}
