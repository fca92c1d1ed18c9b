import { accentStyle, accentTolerantSource, foldTerm, type AccentStyle } from './search-fold.js';

/**
 * A one-line excerpt of a body around its best match: the ~160-character stretch holding the most
 * distinct matched terms, whitespace collapsed, each term wrapped in « » as the body spells it
 * (the terms are accent-folded, the text is not: `unicode` marks «Ünïcode»).
 */
export const SNIPPET_LENGTH = 160;
/** How much text before the first match the excerpt keeps, for context. */
const LEAD_IN = 40;
const MAX_MATCHES = 1000;

/** `style`: how `body` spells accents, when the caller knows (scanning for it costs time). */
export function makeSnippet(
  body: string,
  terms: readonly string[],
  style: AccentStyle = accentStyle(body),
): string {
  const pattern = termPattern(terms, style);
  if (!pattern) return excerpt(body, 0, undefined);
  const at = bestWindowStart(body, pattern, style !== 'plain');
  return excerpt(body, at === undefined ? 0 : Math.max(0, at - LEAD_IN), pattern);
}

/**
 * Whole-word, case-insensitive, like the tokenizer: `replication` in `pg_stat_replication`.
 * Accent-tolerant only as far as the body needs: each step makes the pattern slower.
 */
function termPattern(terms: readonly string[], style: AccentStyle): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const source =
    style === 'plain'
      ? escapeRegExp
      : (term: string) => accentTolerantSource(term, style === 'combining');
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(source);
  // No `\p{L}` lookarounds in here: with `iu` each one cost a compile of every letter's case
  // variants, ~1.5 ms per snippet and a new pattern for almost every hit. `isWholeWord` checks.
  return new RegExp(alternatives.join('|'), 'giu');
}

const LETTER_AT_END = /[\p{L}\p{N}]$/u;
const LETTER_AT_START = /^[\p{L}\p{N}]/u;

/** Whether `text[at, at + length)` stands alone: no letter or digit right before or after it. */
function isWholeWord(text: string, at: number, length: number): boolean {
  const end = at + length;
  return (
    !LETTER_AT_END.test(text.slice(Math.max(0, at - 2), at)) &&
    !LETTER_AT_START.test(text.slice(end, end + 2))
  );
}

function* wholeWords(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  for (const match of text.matchAll(pattern))
    if (isWholeWord(text, match.index, match[0].length)) yield match;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Start of the match that opens the window with the most distinct terms (the first such). */
function bestWindowStart(body: string, pattern: RegExp, folded: boolean): number | undefined {
  const hits: Array<{ at: number; term: string }> = [];
  for (const match of wholeWords(body, pattern)) {
    const term = folded ? foldTerm(match[0]) : match[0].toLowerCase();
    hits.push({ at: match.index, term });
    if (hits.length >= MAX_MATCHES) break;
  }
  const counts = new Map<string, number>();
  let best: number | undefined;
  let bestDistinct = 0;
  let end = 0;
  for (let start = 0; start < hits.length; start++) {
    const first = hits[start];
    if (!first) break;
    for (
      let next = hits[end];
      next && next.at < first.at + SNIPPET_LENGTH - LEAD_IN;
      next = hits[++end]
    ) {
      counts.set(next.term, (counts.get(next.term) ?? 0) + 1);
    }
    if (counts.size > bestDistinct) {
      bestDistinct = counts.size;
      best = first.at;
    }
    const left = (counts.get(first.term) ?? 1) - 1;
    if (left === 0) counts.delete(first.term);
    else counts.set(first.term, left);
  }
  return best;
}

function excerpt(body: string, from: number, pattern: RegExp | undefined): string {
  const start = from === 0 ? 0 : wordStart(body, from);
  const region = body.slice(start, start + SNIPPET_LENGTH * 3);
  let text = region.replace(/\s+/g, ' ').trim();
  let cut = false;
  if (text.length > SNIPPET_LENGTH) {
    const space = text.lastIndexOf(' ', SNIPPET_LENGTH);
    text = text.slice(0, space > SNIPPET_LENGTH * 0.6 ? space : SNIPPET_LENGTH);
    cut = true;
  } else if (start + region.length < body.length) {
    cut = true;
  }
  if (pattern) {
    text = text.replace(pattern, (match: string, at: number, whole: string) =>
      isWholeWord(whole, at, match.length) ? `«${match}»` : match,
    );
  }
  return `${start > 0 ? '…' : ''}${text}${cut ? '…' : ''}`;
}

/** Moves back to the start of the word `at` falls in, so the excerpt does not open mid-word. */
function wordStart(body: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < 30 && !/\s/.test(body[start - 1] ?? ' ')) start--;
  return start;
}
