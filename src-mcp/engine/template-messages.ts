/**
 * What a user reads when a placeholder cannot be filled. Messages name keys and shapes, never
 * env values: env.yaml may hold secrets and these messages end up in chats and logs.
 */
import { envLoadFailure, isMapping, lookupEnv } from './env-lookup.js';
import { formatLocation, RunbookError } from './errors.js';
import type { Diagnostic, EnvMapping, Unresolved } from './types.js';

const KEYS_SHOWN = 10;
const LINES_SHOWN = 10;

/** `env[a][b]`, as the key of an env path after variables were filled in. */
export function envKey(keys: readonly string[]): string {
  return `env${keys.map((k) => `[${k}]`).join('')}`;
}

export function missingVariableMessage(name: string): string {
  return `var.${name} has no value`;
}

export function missingEnvMessage(env: EnvMapping, keys: string[], missingAt: number): string {
  const failure = envLoadFailure(env);
  if (failure !== undefined) return failure;
  const key = envKey(keys);
  const parentKeys = keys.slice(0, missingAt);
  const parentKey = envKey(parentKeys);
  const wanted = keys[missingAt] ?? '';
  const parent = lookupEnv(env, parentKeys);
  const value = parent.found ? parent.value : undefined;
  if (isMapping(value)) {
    return `${key} not found: ${parentKey} has no key "${wanted}" (${describeKeys(Object.keys(value))})`;
  }
  if (Array.isArray(value)) {
    const range = value.length === 0 ? 'it is empty' : `indexes 0 to ${value.length - 1}`;
    return `${key} not found: ${parentKey} is a list of ${value.length} items, "${wanted}" is not one of them (${range})`;
  }
  if (value === null || value === undefined)
    return `${key} not found: ${parentKey} is empty (null)`;
  return `${key} not found: ${parentKey} is a single value, not a mapping`;
}

/**
 * `env.yaml could not be loaded: <file>:<line>:<col> <why>`: what every env placeholder reports
 * when the env files did not load, so no key seems missing that is only unreadable.
 */
export function envNotLoadedMessage(error: RunbookError): string {
  const where = formatLocation(error);
  return `${envFileLabel(error)} could not be loaded: ${where ? `${where} ` : ''}${envReason(error)}`;
}

/** The same failure as an error of its own, the place in its fields (a face prints it first). */
export function envNotLoadedError(error: RunbookError): RunbookError {
  return new RunbookError(
    error.code,
    `${envFileLabel(error)} could not be loaded: ${envReason(error)}`,
    {
      file: error.file,
      line: error.line,
      column: error.column,
      key: error.key,
      fix: error.fix,
      details: error.details,
      cause: error,
    },
  );
}

function envFileLabel(error: RunbookError): string {
  return error.file?.split(/[\\/]/).pop() || 'env.yaml';
}

function envReason(error: RunbookError): string {
  return error.message.replace(/^Invalid YAML: /, '');
}

export function emptyEnvMessage(key: string): string {
  return `${key} is empty (null) in the env`;
}

export function notScalarMessage(key: string, value: EnvMapping | unknown[]): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${key} is an empty list, not a single value`;
    return `${key} is a list of ${value.length} items, not a single value (use one item, e.g. ${key}[0])`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return `${key} is an empty mapping, not a single value`;
  return `${key} is a mapping, not a single value (${describeKeys(keys)}; use one, e.g. ${key}[${keys[0]}])`;
}

/** Strings as they are; numbers and booleans as YAML prints them (`5432`, `true`, `.inf`). */
export function formatScalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  }
  return String(value);
}

export function toDiagnostic(u: Unresolved, file: string | undefined): Diagnostic {
  return {
    severity: 'error',
    code: u.kind === 'not-scalar' ? 'not-scalar' : 'missing-values',
    message: u.message,
    file: u.file ?? file,
    line: u.line,
    column: u.column,
    key: u.key,
  };
}

/** One error for the whole render: every problem with its lines, the same message once. */
export function unresolvedError(unresolved: Unresolved[], file: string | undefined): RunbookError {
  type Group = { kind: Unresolved['kind']; message: string; file?: string; lines: number[] };
  const groups = new Map<string, Group>();
  for (const u of unresolved) {
    // A problem inside an included runbook is listed with that runbook's file and lines.
    const id = `${u.file ?? ''}\0${u.message}`;
    const group = groups.get(id) ?? { kind: u.kind, message: u.message, file: u.file, lines: [] };
    // Problems come in text order, so a repeat on the same line is always the last one.
    if (group.lines.at(-1) !== u.line) group.lines.push(u.line);
    groups.set(id, group);
  }
  // One value missing in a runbook and in one it includes is still one value.
  const kinds = [...new Map(unresolved.map((u) => [u.message, u.kind])).values()];
  const missing = kinds.filter((k) => k !== 'not-scalar').length;
  const lines = [...groups.values()].map(
    (g) =>
      `  ${g.lines.length > 1 ? 'lines' : 'line'} ${listLines(g.lines)}${g.file ? ` of ${g.file}` : ''}: ${g.message}`,
  );
  const first = unresolved[0];
  return new RunbookError(
    missing > 0 ? 'missing-values' : 'not-scalar',
    `${headline(missing, kinds.length - missing)}\n${lines.join('\n')}`,
    {
      file,
      line: first?.line,
      column: first?.column,
      key: first?.key,
      fix: fixFor(unresolved),
      details: unresolved,
    },
  );
}

function headline(missing: number, notScalar: number): string {
  const m = missing === 1 ? '1 value is missing' : `${missing} values are missing`;
  const n = `${notScalar} ${notScalar === 1 ? 'placeholder needs' : 'placeholders need'} a single value`;
  if (notScalar === 0) return `${m}:`;
  if (missing === 0) return `${n[0]?.toUpperCase()}${n.slice(1)}:`;
  return `${m} and ${n}:`;
}

function fixFor(unresolved: Unresolved[]): string {
  const variables = [
    ...new Set(unresolved.filter((u) => u.kind === 'var').map((u) => u.key.slice(4))),
  ];
  const parts: string[] = [];
  if (variables.length > 0)
    parts.push(`Give a value for each missing variable: ${variables.join(', ')}.`);
  if (unresolved.some((u) => u.kind === 'env')) {
    parts.push(
      "Add the missing keys to env.yaml (or the profile's file), or choose another profile.",
    );
  }
  if (unresolved.some((u) => u.kind === 'not-scalar')) {
    parts.push('Point each env placeholder at one value inside the mapping or list.');
  }
  return parts.join(' ');
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, LINES_SHOWN).join(', ');
  return lines.length > LINES_SHOWN ? `${shown} and ${lines.length - LINES_SHOWN} more` : shown;
}

function describeKeys(keys: string[]): string {
  if (keys.length === 0) return 'it has no keys';
  const shown = keys.slice(0, KEYS_SHOWN).join(', ');
  const more = keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : '';
  return `it has: ${shown}${more}`;
}
