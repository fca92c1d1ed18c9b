/**
 * YAML from files anyone may have written (front matter, env.yaml), parsed so that no text can take
 * the process down: the size and the nesting are checked before the parser sees the text (its
 * composer recurses per level and slows steeply with nested `?` keys), and after parsing the value
 * may not grow through aliases or refer to itself.
 */
import { yamlPackage } from './lazy-packages.js';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from './limits.js';
import { FLATTEN, yamlOutOfBounds, type YamlFailure } from './yaml-bounds.js';

export type YamlParse = { ok: true; data: unknown } | { ok: false; failure: YamlFailure };

export interface YamlBounds {
  /** Characters of text. */
  maxChars: number;
  /** Characters of keys and scalars plus one per node, with aliases expanded. */
  maxExpanded: number;
}

export function parseBoundedYaml(text: string, bounds: YamlBounds): YamlParse {
  const outside = yamlOutOfBounds(text, bounds.maxChars);
  if (outside) return { ok: false, failure: outside };
  let data: unknown;
  try {
    // Explicit YAML 1.1 tags (!!binary, !!set, !!timestamp) stay plain text: values are strings.
    const doc = yamlPackage().parseDocument(text, { prettyErrors: true, resolveKnownTags: false });
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      const failed = fail(
        firstLine(error.message),
        YAML_FIX,
        pos && { line: pos.line, column: pos.col },
      );
      return failed.ok ? failed : { ok: false, failure: { ...failed.failure, syntax: true } };
    }
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const aliases = error instanceof ReferenceError && /alias/i.test(error.message);
    return aliases
      ? fail(`too many aliases (over ${MAX_YAML_ALIASES} uses of one anchor's content)`, FEWER)
      : fail(parserFailure(error), YAML_FIX);
  }
  const weight = expandedWeight(data, bounds.maxExpanded);
  if (weight === 'cycle') {
    return fail('an alias refers to a collection that contains it', 'Remove the self-reference.');
  }
  if (weight === 'deep') {
    return fail(`aliases nest collections deeper than ${MAX_YAML_DEPTH} levels`, FLATTEN);
  }
  if (weight > bounds.maxExpanded) {
    return fail(
      `with its aliases expanded it holds more than ${bounds.maxExpanded} characters`,
      FEWER,
    );
  }
  return { ok: true, data };
}

const YAML_FIX =
  'Fix the YAML at that line (indentation, an unclosed bracket or quote, a repeated key).';
const FEWER = 'Use fewer aliases (*name), or write the values out.';

function fail(reason: string, fix: string, at?: { line: number; column?: number }): YamlParse {
  return { ok: false, failure: { reason, fix, line: at?.line, column: at?.column } };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

function parserFailure(error: unknown): string {
  if (error instanceof RangeError) return 'it is too deeply nested to read';
  return firstLine(error instanceof Error ? error.message : String(error));
}

/**
 * Keys and scalars in characters plus one per node, stopping past `limit`; 'cycle' when a
 * collection contains itself, 'deep' when aliases stack collections past what text could nest.
 * A shared alias counts each time it is used: that is what a listing would print.
 */
function expandedWeight(value: unknown, limit: number): number | 'cycle' | 'deep' {
  let total = 0;
  const open = new Set<object>();
  const visit = (node: unknown, depth: number): number | 'cycle' | 'deep' | undefined => {
    total += typeof node === 'string' ? node.length + 1 : 1;
    if (total > limit) return total;
    if (node === null || typeof node !== 'object') return undefined;
    if (open.has(node)) return 'cycle';
    if (depth > MAX_EXPANDED_DEPTH) return 'deep';
    open.add(node);
    const children = Array.isArray(node) ? node : Object.entries(node as Record<string, unknown>);
    for (const child of children) {
      const stop = visit(child, depth + 1);
      if (stop !== undefined) return stop;
    }
    open.delete(node);
    return undefined;
  };
  return visit(value, 0) ?? total;
}

/** Entries are visited as [key, value] pairs, so one mapping level is two here. */
const MAX_EXPANDED_DEPTH = 4 * MAX_YAML_DEPTH;
