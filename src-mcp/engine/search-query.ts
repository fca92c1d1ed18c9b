import type { DocTable } from './search-docs.js';
import { BODY, type FieldIndex } from './search-fields.js';
import type { Postings } from './search-postings.js';
import type { TermDictionary } from './search-terms.js';

/** Per field: how much a match counts, and how much a long field is discounted (BM25 `b`). */
const FIELD_BOOST = [6, 4, 3, 2, 1] as const;
const FIELD_B = [0.5, 0.5, 0.3, 0.5, 0.75] as const;
const K1 = 1.2;

const PREFIX_MIN_LENGTH = 3;
const PREFIX_WEIGHT = 0.6;
const MAX_PREFIX_TERMS = 50;
const FUZZY_MIN_LENGTH = 4;
const FUZZY_WEIGHT = 0.45;
const TWO_EDITS_MIN_LENGTH = 8;
/** A query word this rare is likely a typo itself, so its neighbours are searched too. */
const FUZZY_BELOW_DF = 3;

/** An index term a query word stands for, and how much a match on it is worth (exact = 1). */
export interface Expansion {
  id: number;
  term: string;
  weight: number;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

/** The index terms a query word matches: itself, longer words it starts, and near misspellings. */
export function expandWord(word: string, dict: TermDictionary, postings: Postings): Expansion[] {
  const live = ({ id }: { id: number }): boolean => postings.df(id) > 0;
  const weights = new Map<number, Expansion>();
  const offer = (expansion: Expansion): void => {
    const known = weights.get(expansion.id);
    if (!known || known.weight < expansion.weight) weights.set(expansion.id, expansion);
  };
  const exact = dict.lookup(word);
  if (exact >= 0 && postings.df(exact) > 0) offer({ id: exact, term: word, weight: 1 });
  if (word.length >= PREFIX_MIN_LENGTH) {
    const longer = dict.withPrefix(word).filter((t) => t.term !== word && live(t));
    longer.sort((a, b) => a.term.length - b.term.length || postings.df(b.id) - postings.df(a.id));
    for (const { term, id } of longer.slice(0, MAX_PREFIX_TERMS)) {
      offer({ id, term, weight: (PREFIX_WEIGHT * word.length) / term.length });
    }
  }
  const rare = exact < 0 || postings.df(exact) < FUZZY_BELOW_DF;
  if (word.length >= FUZZY_MIN_LENGTH && rare) {
    let near = dict.oneEditAway(word).filter(live);
    // Two edits only for long words, and only when one edit finds nothing.
    if (near.length === 0 && word.length >= TWO_EDITS_MIN_LENGTH) {
      near = dict.twoEditsAway(word).filter(live);
    }
    for (const { id, term, distance } of near) {
      offer({ id, term, weight: FUZZY_WEIGHT * (1 - distance / word.length) });
    }
  }
  return [...weights.values()].sort((a, b) => b.weight - a.weight);
}

/**
 * Scores documents for a query: per word, the best of its expansions (BM25 per field, boosted by
 * field); summed over words; then multiplied by (matched words / words)²: a runbook matching
 * only "etcd" of "etcd backup" keeps a quarter of its score, so saying "etcd" often does not
 * outrank saying both.
 * Scratch arrays are kept between queries and stamped instead of cleared.
 */
export class QueryScorer {
  private total = new Float64Array(0);
  private best = new Float64Array(0);
  private matched = new Int32Array(0);
  private docStamp = new Int32Array(0);
  private wordStamp = new Int32Array(0);
  private stamp = 0;

  constructor(
    private readonly docs: DocTable,
    private readonly postings: Postings,
  ) {}

  /** Every document matching at least one word, with its score, in the order found. */
  score(words: readonly Expansion[][]): ScoredDoc[] {
    const active = words.filter((expansions) => expansions.length > 0);
    if (active.length === 0 || this.docs.live === 0) return [];
    this.prepare();
    const queryStamp = this.stamp;
    const touched: number[] = [];
    for (const expansions of active) this.scoreWord(expansions, queryStamp, touched);
    return touched.map((doc) => {
      const coordination = (this.matched[doc] ?? 0) / active.length;
      return { doc, score: (this.total[doc] ?? 0) * coordination * coordination };
    });
  }

  /** The expansions present in `doc`, strongest first within each word. */
  termsIn(doc: number, words: readonly Expansion[][]): string[] {
    const terms: string[] = [];
    for (const expansions of words) {
      for (const { id, term } of expansions) {
        if (this.postings.has(id, doc)) terms.push(term);
      }
    }
    return terms;
  }

  private scoreWord(expansions: readonly Expansion[], queryStamp: number, touched: number[]): void {
    const wordStamp = ++this.stamp;
    const seen: number[] = [];
    for (const expansion of expansions) {
      const weight = expansion.weight * this.idf(expansion.id);
      this.postings.forEach(expansion.id, (doc, packed) => {
        if (!this.docs.isLive(doc)) return;
        const score = weight * this.fieldScore(packed, doc);
        if (this.wordStamp[doc] !== wordStamp) {
          this.wordStamp[doc] = wordStamp;
          this.best[doc] = score;
          seen.push(doc);
        } else if (score > (this.best[doc] ?? 0)) {
          this.best[doc] = score;
        }
      });
    }
    for (const doc of seen) {
      if (this.docStamp[doc] !== queryStamp) {
        this.docStamp[doc] = queryStamp;
        this.total[doc] = 0;
        this.matched[doc] = 0;
        touched.push(doc);
      }
      this.total[doc] = (this.total[doc] ?? 0) + (this.best[doc] ?? 0);
      this.matched[doc] = (this.matched[doc] ?? 0) + 1;
    }
  }

  private fieldScore(packed: number, doc: number): number {
    let score = 0;
    const body = packed & 0xfff;
    if (body !== 0) score += this.bm25(body, doc, BODY);
    const short = packed >>> 12;
    if (short === 0) return score;
    for (let field = 0; field < BODY; field++) {
      const tf = (short >>> (4 * field)) & 0xf;
      if (tf !== 0) score += this.bm25(tf, doc, field as FieldIndex);
    }
    return score;
  }

  private bm25(tf: number, doc: number, field: FieldIndex): number {
    const b = FIELD_B[field];
    const norm = 1 - b + (b * this.docs.length(doc, field)) / this.docs.averageLength(field);
    return (FIELD_BOOST[field] * tf * (K1 + 1)) / (tf + K1 * norm);
  }

  private idf(term: number): number {
    const df = this.postings.df(term);
    return Math.log(1 + (this.docs.live - df + 0.5) / (df + 0.5));
  }

  /** Sizes the scratch arrays to the doc table and keeps the stamps from wrapping around. */
  private prepare(): void {
    const size = this.docs.capacity;
    if (this.total.length < size) {
      const capacity = Math.max(1024, size * 2);
      this.total = new Float64Array(capacity);
      this.best = new Float64Array(capacity);
      this.matched = new Int32Array(capacity);
      this.docStamp = new Int32Array(capacity);
      this.wordStamp = new Int32Array(capacity);
      this.stamp = 0;
    } else if (this.stamp > 0x3fffffff) {
      this.docStamp.fill(0);
      this.wordStamp.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }
}
