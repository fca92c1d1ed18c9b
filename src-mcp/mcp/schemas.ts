/** Output shapes of the tools (zod), mirroring the engine's types in src-mcp/engine/types.ts. */
import { z } from 'zod';
import type {
  LogEntry,
  RunbookSummary,
  SearchHit,
  Unresolved,
  VariableSpec,
} from '../engine/types.js';

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
});

export const searchHitShape = z.object({
  name: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  score: z.number(),
  snippet: z.string().describe('Excerpt around the best match; matched terms are wrapped in « ».'),
});

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
  return {
    name: s.name,
    title: s.title,
    description: s.description,
    tags: s.tags,
    variables: s.variables.map(toVariable),
  };
}

export function toSearchHit(h: SearchHit): z.infer<typeof searchHitShape> {
  return { name: h.name, title: h.title, tags: h.tags, score: h.score, snippet: h.snippet };
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
