/**
 * What YAML text may reach the parser at all: its size, and how deep it nests, checked with yaml's
 * own lexer (linear) before the parser, whose composer recurses per level and slows steeply with
 * nested `?` keys. Pure, so the app's front-matter form applies the same bounds as the engine.
 */
import { yamlPackage } from './lazy-packages.js';
import { MAX_YAML_DEPTH } from './limits.js';

export interface YamlFailure {
  /** One line, without yaml's own "at line N, column M" (the place is in `line` and `column`). */
  reason: string;
  /** 1-based, within the text given. */
  line?: number;
  column?: number;
  fix: string;
  /** The parser's own syntax error (the text was within bounds): safe to parse again for positions. */
  syntax?: boolean;
}

export const FLATTEN = 'Flatten the structure: no real front matter or env.yaml nests that deep.';

/** Why the parser must not see `text` (over `maxChars`, or nested past MAX_YAML_DEPTH), if so. */
export function yamlOutOfBounds(text: string, maxChars: number): YamlFailure | undefined {
  if (text.length > maxChars) {
    return {
      reason: `it is ${text.length} characters long, over the limit of ${maxChars}`,
      fix: 'Shorten it: keep long text in the runbook body or a separate file.',
    };
  }
  const deep = tooDeepAt(text, MAX_YAML_DEPTH);
  if (deep) {
    return {
      reason: `collections nest deeper than ${MAX_YAML_DEPTH} levels`,
      fix: FLATTEN,
      ...deep,
    };
  }
  return undefined;
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
  const { CST, Lexer } = yamlPackage();
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
