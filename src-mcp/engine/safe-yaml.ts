/**
 * YAML from files anyone may have written (front matter, env.yaml), parsed so that no text can take
 * the process down: the size and the nesting are checked before the parser sees the text (its
 * composer recurses per level and slows steeply with nested `?` keys), and after parsing the value
 * may not grow through aliases or refer to itself.
 */
import { CST, Lexer, parseDocument } from 'yaml';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from './limits.js';

interface YamlFailure {
  /** One line, without yaml's own "at line N, column M" (the place is in `line` and `column`). */
  reason: string;
  /** 1-based, within the text given. */
  line?: number;
  column?: number;
  fix: string;
  /** The parser's own syntax error (the text was within bounds): safe to parse again for positions. */
  syntax?: boolean;
}

export type YamlParse = { ok: true; data: unknown } | { ok: false; failure: YamlFailure };

export interface YamlBounds {
  /** Characters of text. */
  maxChars: number;
  /** Characters of keys and scalars plus one per node, with aliases expanded. */
  maxExpanded: number;
}

export function parseBoundedYaml(text: string, bounds: YamlBounds): YamlParse {
  if (text.length > bounds.maxChars) {
    return fail(
      `it is ${text.length} characters long, over the limit of ${bounds.maxChars}`,
      'Shorten it: keep long text in the runbook body or a separate file.',
    );
  }
  const deep = tooDeepAt(text, MAX_YAML_DEPTH);
  if (deep) {
    return fail(`collections nest deeper than ${MAX_YAML_DEPTH} levels`, FLATTEN, deep);
  }
  let data: unknown;
  try {
    // Explicit YAML 1.1 tags (!!binary, !!set, !!timestamp) stay plain text: values are strings.
    const doc = parseDocument(text, { prettyErrors: true, resolveKnownTags: false });
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
const FLATTEN = 'Flatten the structure: no real front matter or env.yaml nests that deep.';

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

const INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
const OPENERS = new Set(['flow-seq-start', 'flow-map-start']);
const CLOSERS = new Set(['flow-seq-end', 'flow-map-end']);
/** Tokens that neither end a run of compact indicators nor start a new line's content. */
const NEUTRAL = new Set(['space', 'comma', 'scalar', ...CLOSERS]);

/**
 * The first place (1-based line and column) where block indentation, compact indicators
 * (`- - -`, `? ? ?`) and open flow brackets together nest deeper than `max`. It runs yaml's own
 * lexer, so quotes and comments count as the parser sees them; linear, stopping at the first excess.
 */
function tooDeepAt(text: string, max: number): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let run = 0;
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  let atLineStart = true;
  // A block scalar's text (`key: |`) arrives as a header, a marker, then the text: not structure.
  let blockScalar: 'none' | 'marker' | 'text' = 'none';
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token) ?? 'plain';
    if (atLineStart && flow === 0 && blockScalar === 'none' && type !== 'newline') {
      const indent = type === 'space' ? token.length : 0;
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
    }
    if (OPENERS.has(type)) flow++;
    else if (CLOSERS.has(type)) flow = Math.max(0, flow - 1);
    if (OPENERS.has(type) || INDICATORS.has(type)) {
      // `key: value` is one level (its line's); only compact `? : ` or `- key: ` add one.
      if (type !== 'map-value-ind' || run > 0) run++;
      if (indents.length + run + flow > max) return { line, column: offset - lineStart + 1 };
    } else if (!NEUTRAL.has(type)) run = 0;
    if (type === 'block-scalar-header') blockScalar = 'marker';
    else if (blockScalar === 'marker' && type === 'scalar') blockScalar = 'text';
    else if (blockScalar === 'text') blockScalar = 'none';
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    // The lexer adds one-character markers (a scalar follows, a document starts) not in the text.
    if (!isMarker(token)) offset += token.length;
    atLineStart = token.endsWith('\n');
    if (atLineStart) run = 0;
  }
  return undefined;
}

function isMarker(token: string): boolean {
  return token.length === 1 && token < ' ' && token !== '\n' && token !== '\t';
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
