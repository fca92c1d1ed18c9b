import { foldAccents, foldTerm } from './search-fold.js';

/**
 * How text becomes index terms. One rule everywhere: a term is a run of letters and digits,
 * lowercased and accent-folded (`Ünïcode` → `unicode`, see search-fold.ts); `_`, `-`, `.` and `/`
 * split (so `pg_stat_replication` is found by "replication").
 * Short fields (name, title, tags, headings) also index the parts of camelCase words, because
 * alert names such as `KubePodCrashLooping` are how people name runbooks.
 */

export const MIN_TERM_LENGTH = 2;
/** Longer runs are hashes, keys and base64 blobs: nobody searches for them, and they cost memory. */
export const MAX_TERM_LENGTH = 64;

/** Words too common to tell runbooks apart; dropped from the index and from queries. */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by do does for from has have how i if in into is it its of on or ' +
    'so than that the then there these this those to was we were what when where which while who ' +
    'why will with you your'
  ).split(' '),
);

const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/**
 * Whether a UTF-16 code unit belongs to a word. Outside ASCII, letters are assumed except for the
 * punctuation, symbol and emoji ranges that runbooks actually contain (dashes, quotes, arrows,
 * box drawing): a table lookup is what keeps indexing 40 MB under half a second.
 */
export function isWordCode(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7 || c === 0xfeff) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return !(c >= 0xfe00 && c <= 0xfe0f);
}

/** Calls `visit(start, end)` for each word in `text`. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && !isWordCode(text.charCodeAt(i))) i++;
    const start = i;
    while (i < length && isWordCode(text.charCodeAt(i))) i++;
    if (i > start) visit(start, i);
  }
}

export function isIndexable(term: string): boolean {
  return term.length >= MIN_TERM_LENGTH && term.length <= MAX_TERM_LENGTH && !STOPWORDS.has(term);
}

const CAMEL_PART = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;
/** Where a word has a capital inside it: `etcdNoLeader`, `KubePodCrashLooping`, `HTTPServer`. */
const CAPITAL_INSIDE = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/g;

/**
 * The parts of the camelCase words in `text`, lowercased (`etcdNoLeader` → etcd, no, leader);
 * the whole words are the scanner's business. Finds the inner capital first and widens to the
 * word: a regex matching whole words from any position backtracked badly on long descriptions.
 */
export function camelCaseParts(original: string): string[] {
  const text = foldAccents(original);
  const parts: string[] = [];
  CAPITAL_INSIDE.lastIndex = 0;
  for (let match = CAPITAL_INSIDE.exec(text); match; match = CAPITAL_INSIDE.exec(text)) {
    let start = match.index;
    while (start > 0 && isAsciiWordCode(text.charCodeAt(start - 1))) start--;
    let end = match.index + 1;
    while (end < text.length && isAsciiWordCode(text.charCodeAt(end))) end++;
    for (const part of text.slice(start, end).match(CAMEL_PART) ?? []) {
      const term = part.toLowerCase();
      if (isIndexable(term)) parts.push(term);
    }
    CAPITAL_INSIDE.lastIndex = end;
  }
  return parts;
}

function isAsciiWordCode(c: number): boolean {
  return c < 128 && ASCII_WORD[c] === 1;
}

/** The distinct terms of a query, in order, folded as the index folds them; stopwords and
 * one-letter words dropped. Words are split before folding, as the scanner splits them. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  forEachWord(query, (start, end) => {
    const term = foldTerm(query.slice(start, end));
    if (isIndexable(term)) terms.add(term);
  });
  return [...terms];
}
