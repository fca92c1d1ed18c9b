/** Input fields and output shapes of the tools (zod), mirroring src-mcp/engine/types.ts. */
import { z } from 'zod';
import { formatLocation } from '../engine/errors.js';
import {
  MAX_LOG_CHARS,
  MAX_NAME_LENGTH,
  MAX_QUERY_LENGTH,
  MAX_VALUE_LENGTH,
  MAX_VALUES_GIVEN,
  MAX_VARIABLE_NAME_LENGTH,
} from '../engine/limits.js';
import type {
  LogEntry,
  RunbookSummary,
  SearchHit,
  Unresolved,
  VariableSpec,
} from '../engine/types.js';

/**
 * Input fields with the same limits as the web API (src-mcp/engine/limits.ts): an over-long
 * argument is refused before any work, naming the argument. Each tool adds its own describe().
 */
export const runbookNameField = z
  .string()
  .min(1, 'The runbook name is empty: give one such as "deploy/rollback".')
  .max(
    MAX_NAME_LENGTH,
    `The runbook name is over ${MAX_NAME_LENGTH} characters: give its path in the folder, such as "deploy/rollback".`,
  );
export const folderField = z.string().max(MAX_NAME_LENGTH);
export const queryField = z.string().min(1).max(MAX_QUERY_LENGTH);
export const logTextField = z.string().min(1).max(MAX_LOG_CHARS);
export const varsField = z
  .record(z.string().max(MAX_VARIABLE_NAME_LENGTH), z.string().max(MAX_VALUE_LENGTH))
  .refine((vars) => Object.keys(vars).length <= MAX_VALUES_GIVEN, {
    message: `At most ${MAX_VALUES_GIVEN} variables in one call.`,
  });

export const variableShape = z.object({
  name: z.string(),
  description: z.string().optional(),
  default: z.string().optional(),
  required: z.boolean(),
  choices: z.array(z.string()).optional(),
  secret: z.boolean(),
});

export const runbookShape = z.object({
  name: z.string().describe('The name to pass to the other tools.'),
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  variables: z.array(variableShape),
  tools: z
    .array(z.string())
    .optional()
    .describe('When present, the only MCP tools a run of this runbook may use.'),
  problems: z
    .array(z.string())
    .optional()
    .describe('What is wrong in the file (its front matter), as file:line: why; it still renders.'),
});

export const searchHitShape = z.object({
  name: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  score: z.number(),
  snippet: z.string().describe('Excerpt around the best match; matched terms are wrapped in « ».'),
  copies: z
    .object({
      count: z.number().describe('How many other runbooks have exactly this content.'),
      names: z.array(z.string()).describe('The first few of them.'),
    })
    .optional()
    .describe('Identical copies of this runbook elsewhere in the folder, shown once as this hit.'),
});

export const searchPageShape = {
  hits: z.array(searchHitShape),
  total: z.number().describe('How many results there are in all (identical copies counted once).'),
  matched: z.number().describe('How many runbooks match, every copy counted.'),
  offset: z.number().describe('Results skipped before these hits.'),
};

export const missingShape = z.object({
  kind: z.enum(['var', 'env', 'not-scalar']),
  key: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
});

export const logEntryShape = z.object({
  id: z.string(),
  runbook: z.string(),
  createdAt: z.string(),
  size: z.number(),
});

export function toVariable(v: VariableSpec): z.infer<typeof variableShape> {
  const { name, description, required, choices, secret } = v;
  return { name, description, default: v.default, required, choices, secret };
}

export function toRunbook(s: RunbookSummary): z.infer<typeof runbookShape> {
  const runbook = {
    name: s.name,
    title: s.title,
    description: s.description,
    tags: s.tags,
    variables: s.variables.map(toVariable),
    ...(s.tools ? { tools: s.tools } : {}),
  };
  if (s.problems.length === 0) return runbook;
  return {
    ...runbook,
    problems: s.problems.map((p) => `${formatLocation(p) || s.path}: ${p.message}`),
  };
}

export function toSearchHit(h: SearchHit): z.infer<typeof searchHitShape> {
  const { name, title, tags, score, snippet, copies } = h;
  return copies
    ? { name, title, tags, score, snippet, copies }
    : { name, title, tags, score, snippet };
}

export function toMissing(u: Unresolved): z.infer<typeof missingShape> {
  return { kind: u.kind, key: u.key, line: u.line, column: u.column, message: u.message };
}

export function toLogEntry(e: LogEntry): z.infer<typeof logEntryShape> {
  return { id: e.id, runbook: e.runbook, createdAt: e.createdAt, size: e.size };
}

/** The description of a variable as a person or a model reads it: what, choices, default. */
export function describeVariable(v: VariableSpec, knownValues: string[] = []): string {
  const parts = [sentence(v.description?.trim() || `Value for {var.${v.name}}`)];
  if (v.choices?.length) parts.push(`One of: ${v.choices.join(', ')}.`);
  else if (knownValues.length) parts.push(`Known values: ${listSome(knownValues)}.`);
  if (v.default !== undefined) parts.push(`Default: ${v.default}.`);
  if (v.secret) parts.push('Secret: never written to logs.');
  return parts.join(' ');
}

function listSome(values: string[], max = 20): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, … (${values.length - max} more)` : shown;
}

function sentence(text: string): string {
  return /[.!?:]$/.test(text) ? text : `${text}.`;
}
