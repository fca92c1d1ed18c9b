import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { scanPlaceholders } from '../../../src-mcp/engine/template-scan.js';
import type { EnvMapping, EnvPathPart, VariableSpec } from '../../../src-mcp/engine/types.js';
import { keysAfter } from '../env-paths.js';

export interface CompletionData {
  env(): EnvMapping;
  /** Declared variables (front matter); names used only in the text are found in the document. */
  variables(): readonly VariableSpec[];
  /** The folder's runbook names, for `{include[`. */
  runbookNames?(): readonly string[];
}

const VAR_PART = String.raw`\{var\.[A-Za-z_][A-Za-z0-9_]*\}`;
const KEY_PART = String.raw`[^\[\]{}\n]+`;
const ENV_BEFORE = new RegExp(
  String.raw`\{env((?:\[(?:${KEY_PART}|${VAR_PART})\])*)\[([^\[\]{}\n]*)$`,
);
const VAR_BEFORE = /\{var\.([A-Za-z0-9_]*)$/;
const INCLUDE_BEFORE = /(?<![${])\{include\[([^[\]{}\n]*)$/;
const PART = new RegExp(String.raw`\[(?:\{var\.([A-Za-z_][A-Za-z0-9_]*)\}|(${KEY_PART}))\]`, 'g');

/**
 * `{env[` offers the keys of env.yaml at that depth; `{var.` offers the runbook's variables;
 * `{include[` the folder's runbook names.
 */
export function placeholderCompletion(data: CompletionData): Extension {
  return autocompletion({ override: [(context) => complete(context, data)], icons: false });
}

function complete(context: CompletionContext, data: CompletionData): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const after = line.text.slice(context.pos - line.from);
  const env = ENV_BEFORE.exec(before);
  if (env) {
    const typed = env[2] ?? '';
    const keys: Completion[] = keysAfter(data.env(), parseParts(env[1] ?? '')).map((key) => ({
      label: key,
      type: 'property',
      apply: insertClosed(key, ']', after),
    }));
    const vars: Completion[] = variableNames(context, data).map((name) => ({
      label: `{var.${name}}`,
      type: 'variable',
      detail: 'value chosen at run time',
      apply: insertClosed(`{var.${name}}`, ']', after),
    }));
    return {
      from: context.pos - typed.length,
      options: [...keys, ...vars],
      validFor: /^[^[\]{}\n]*$/,
    };
  }
  const include = INCLUDE_BEFORE.exec(before);
  if (include && data.runbookNames) {
    const typed = include[1] ?? '';
    const options: Completion[] = data.runbookNames().map((name) => ({
      label: name,
      type: 'namespace',
      detail: 'runbook',
      apply: insertClosed(name, ']}', after),
    }));
    return { from: context.pos - typed.length, options, validFor: /^[^[\]{}\n]*$/ };
  }
  const variable = VAR_BEFORE.exec(before);
  if (variable) {
    const typed = variable[1] ?? '';
    const specs = new Map(data.variables().map((spec) => [spec.name, spec]));
    const options = variableNames(context, data).map((name) => ({
      label: name,
      type: 'variable',
      detail: specs.get(name)?.description,
      apply: insertClosed(name, '}', after),
    }));
    return { from: context.pos - typed.length, options, validFor: /^[A-Za-z0-9_]*$/ };
  }
  return null;
}

/**
 * Inserts the choice and its closing bracket, stepping over one that is already there (typed by
 * the user or added by closeBrackets), so the cursor lands ready for the next `[`.
 */
function insertClosed(text: string, close: string, after: string): Completion['apply'] {
  const existing = after.startsWith(close) ? close.length : 0;
  return (view: EditorView, _completion: Completion, from: number, to: number) => {
    const insert = `${text}${close}`;
    view.dispatch({
      changes: { from, to: to + existing, insert },
      selection: { anchor: from + insert.length },
      userEvent: 'input.complete',
    });
  };
}

function parseParts(text: string): EnvPathPart[] {
  return [...text.matchAll(PART)].map((m) => (m[1] ? { variable: m[1] } : { key: m[2] ?? '' }));
}

function variableNames(context: CompletionContext, data: CompletionData): string[] {
  const names = new Set(data.variables().map((v) => v.name));
  for (const p of scanPlaceholders(context.state.doc.toString())) {
    if (p.variable) names.add(p.variable);
    for (const part of p.path ?? []) {
      if ('variable' in part) names.add(part.variable);
      if ('parts' in part)
        for (const piece of part.parts) if (typeof piece !== 'string') names.add(piece.variable);
    }
  }
  return [...names];
}
