import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { MAX_FRONT_MATTER_CHARS } from '../../src-mcp/engine/limits.js';
import { yamlOutOfBounds } from '../../src-mcp/engine/yaml-bounds.js';
import { findFrontMatter } from './front-matter-block.js';

/** One variable as the form shows it: empty strings and lists mean "not set". */
export interface VariableFields {
  name: string;
  description: string;
  choices: string[];
  default: string;
  secret: boolean;
}

export interface FrontMatterFields {
  title: string;
  description: string;
  tags: string[];
  variables: VariableFields[];
}

export type FormReading =
  { ok: true; fields: FrontMatterFields; document: Document } | { ok: false; reason: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The form's view of a runbook's front matter, or why the form cannot edit it safely. */
export function readFrontMatterForm(text: string): FormReading {
  const block = findFrontMatter(text);
  // The engine's bounds: a hostile block must not freeze the window at every keystroke.
  const outside = yamlOutOfBounds(block.yaml, MAX_FRONT_MATTER_CHARS);
  if (outside) return { ok: false, reason: `The front matter ${outside.reason}. ${outside.fix}` };
  const document = parseDocument(block.yaml, { keepSourceTokens: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = (error.linePos?.[0].line ?? 1) + 1;
    return {
      ok: false,
      reason: `The front matter has a YAML error on line ${line}: fix it in the text.`,
    };
  }
  const root = document.contents;
  if (root !== null && !isMap(root))
    return { ok: false, reason: 'The front matter is not a mapping (key: value lines).' };
  return { ok: true, document, fields: fieldsOf(root) };
}

function fieldsOf(root: YAMLMap | null): FrontMatterFields {
  if (!root) return { title: '', description: '', tags: [], variables: [] };
  return {
    title: textOf(root.get('title', true)),
    description: textOf(root.get('description', true)),
    tags: listOf(root.get('tags', true)),
    variables: variablesOf(root.get('variables', true)),
  };
}

function variablesOf(node: unknown): VariableFields[] {
  if (isMap(node))
    return node.items.map((pair) => variableOf(textOf(pair.key), pair.value)).filter(named);
  if (isSeq(node))
    return node.items
      .map((item) => variableOf(isMap(item) ? textOf(item.get('name', true)) : '', item))
      .filter(named);
  return [];
}

function named(variable: VariableFields): boolean {
  return variable.name !== '';
}

/** `name: text` is the short form of `name: { description: text }`, as the engine reads it. */
function variableOf(name: string, value: unknown): VariableFields {
  if (!isMap(value))
    return { name, description: textOf(value), choices: [], default: '', secret: false };
  const secret = value.get('secret', true);
  return {
    name,
    description: textOf(value.get('description', true)),
    choices: listOf(value.get('choices', true)),
    default: textOf(value.get('default', true)),
    secret: isScalar(secret) && secret.value === true,
  };
}

export function textOf(node: unknown): string {
  if (!isScalar(node)) return '';
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function listOf(node: unknown): string[] {
  if (isSeq(node)) return node.items.map(textOf).filter((text) => text !== '');
  const text = textOf(node);
  return text ? text.split(/[,\s]+/).filter(Boolean) : [];
}

/** "a, b ,c" as typed in a field → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Why a variable name cannot be written, or undefined when it can. */
export function variableNameProblem(name: string, others: readonly string[]): string | undefined {
  if (!VARIABLE_NAME.test(name)) return 'Use letters, digits and _ (not starting with a digit).';
  if (others.includes(name)) return `Another variable is already named ${name}.`;
  return undefined;
}
