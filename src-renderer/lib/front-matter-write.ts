import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Document, type Pair } from 'yaml';
import { findFrontMatter, replaceFrontMatter } from './front-matter-block.js';
import {
  readFrontMatterForm,
  textOf,
  type FrontMatterFields,
  type VariableFields,
} from './front-matter-form.js';
import { mergeLines, splitLinesKeepingEnds } from './merge-lines.js';

/*
 * The form writes through yaml's Document API: only the keys whose values changed are touched, so
 * comments, unknown keys and their order survive, and the body's bytes are never rewritten.
 * Every variable setting goes under its variable's own mapping, so the form cannot produce the
 * missing-indent trap (a `description:` read as a variable of its own).
 */

const EMPTY: VariableFields = {
  name: '',
  description: '',
  choices: [],
  default: '',
  secret: false,
};
const PRINT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The text with its front matter changed to `next`; unchanged when the YAML cannot be read. */
export function writeFrontMatterForm(text: string, next: FrontMatterFields): string {
  return edit(text, (document, root, previous) => {
    if (previous.title !== next.title) setText(root, 'title', next.title);
    if (previous.description !== next.description) setText(root, 'description', next.description);
    if (!sameList(previous.tags, next.tags)) setList(document, root, 'tags', next.tags);
    writeVariables(document, root, previous.variables, next.variables);
  });
}

/** Renames a variable's key in place: its settings and comments stay with it. */
export function renameVariable(text: string, from: string, to: string): string {
  return edit(text, (_document, root) => {
    const container = root.get('variables', true);
    if (isMap(container)) {
      const pair = container.items.find((p) => textOf(p.key) === from);
      if (pair && isScalar(pair.key)) pair.key.value = to;
      else if (pair) pair.key = to;
    } else if (isSeq(container)) {
      const item = container.items.find((i) => isMap(i) && textOf(i.get('name', true)) === from);
      if (isMap(item)) setText(item, 'name', to);
    }
  });
}

type Change = (document: Document, root: YAMLMap, previous: FrontMatterFields) => void;

function edit(text: string, change: Change): string {
  const reading = readFrontMatterForm(text);
  if (!reading.ok) return text;
  const { document } = reading;
  const block = findFrontMatter(text);
  const before = block.yaml.trim() === '' ? '' : document.toString(PRINT);
  if (!isMap(document.contents)) document.contents = new YAMLMap();
  const root = document.contents as YAMLMap;
  change(document, root, reading.fields);
  const empty = root.items.length === 0 && !document.commentBefore && !document.comment;
  const after = empty ? '' : document.toString(PRINT);
  if (after === before) return text;
  // Lines the change left alone keep the user's own spacing and quoting.
  const written = mergeLines(
    splitLinesKeepingEnds(before),
    splitLinesKeepingEnds(block.yaml.replace(/\r\n/g, '\n')),
    splitLinesKeepingEnds(after),
  ).join('');
  return replaceFrontMatter(text, block, written);
}

function writeVariables(
  document: Document,
  root: YAMLMap,
  previous: readonly VariableFields[],
  next: readonly VariableFields[],
): void {
  const before = new Map(previous.map((v) => [v.name, v]));
  const after = new Set(next.map((v) => v.name));
  for (const old of previous) if (!after.has(old.name)) removeVariable(root, old.name);
  for (const variable of next) {
    const old = before.get(variable.name);
    if (old && sameVariable(old, variable)) continue;
    const node = variableNode(document, root, variable.name);
    if (node) setVariableFields(document, node, old ?? EMPTY, variable);
  }
}

/** The variable's settings mapping, created (or grown from the short `name: text`) when needed. */
function variableNode(document: Document, root: YAMLMap, name: string): YAMLMap | undefined {
  const existing: unknown = root.get('variables', true);
  const container = isMap(existing) || isSeq(existing) ? existing : new YAMLMap();
  if (container !== existing) root.set('variables', container);
  if (isSeq(container)) {
    const found = container.items.find((i) => isMap(i) && textOf(i.get('name', true)) === name);
    if (isMap(found)) return found;
    const item = new YAMLMap();
    item.set('name', name);
    container.items.push(item);
    return item;
  }
  if (!isMap(container)) return undefined;
  const pair = container.items.find((p) => textOf(p.key) === name) as Pair | undefined;
  if (pair && isMap(pair.value)) return pair.value;
  const settings = new YAMLMap();
  const shortDescription = pair ? textOf(pair.value) : '';
  if (shortDescription) settings.set('description', document.createNode(shortDescription));
  if (pair) pair.value = settings;
  else container.set(document.createNode(name), settings);
  return settings;
}

function setVariableFields(
  document: Document,
  node: YAMLMap,
  old: VariableFields,
  next: VariableFields,
): void {
  if (textOf(node.get('description', true)) !== next.description)
    setText(node, 'description', next.description);
  if (!sameList(old.choices, next.choices)) setList(document, node, 'choices', next.choices);
  if (old.default !== next.default) setText(node, 'default', next.default);
  if (old.secret !== next.secret) {
    if (next.secret) node.set('secret', true);
    else node.delete('secret');
  }
}

function removeVariable(root: YAMLMap, name: string): void {
  const container = root.get('variables', true);
  if (isMap(container)) container.delete(name);
  else if (isSeq(container))
    container.items = container.items.filter(
      (i) => !(isMap(i) && textOf(i.get('name', true)) === name),
    );
  if ((isMap(container) || isSeq(container)) && container.items.length === 0)
    root.delete('variables');
}

/** Keeps an existing scalar node (its comment and quoting) and changes only its value. */
function setText(map: YAMLMap, key: string, value: string): void {
  if (value === '') {
    map.delete(key);
    return;
  }
  const node = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, value);
}

function setList(document: Document, map: YAMLMap, key: string, list: readonly string[]): void {
  if (list.length === 0) {
    map.delete(key);
    return;
  }
  const node = map.get(key, true);
  const items = list.map((item) => document.createNode(item));
  if (isSeq(node)) {
    node.items = items;
    return;
  }
  const seq = new YAMLSeq();
  seq.items = items;
  seq.flow = true;
  map.set(key, seq);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameVariable(a: VariableFields, b: VariableFields): boolean {
  return (
    a.description === b.description &&
    sameList(a.choices, b.choices) &&
    a.default === b.default &&
    a.secret === b.secret
  );
}
