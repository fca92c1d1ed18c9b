/**
 * Prefix and typo lookups over the index's terms without a second big structure to build: a
 * sorted array (sorted lazily, at the first query, not during a cold build) answers prefixes,
 * and one-edit typos are found by trying every one-edit variant of the query word in the term
 * hash table (a few hundred lookups). A radix tree did both, but inserting 290k distinct terms
 * cost 0.44 s of build time, and a two-edit search in it took 7 ms.
 */
import { editDistance } from './search-suggest.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Below this many new terms, inserting one by one beats sorting everything again. */
const INSERT_ONE_BY_ONE = 64;

export class SortedTerms {
  private sorted: string[] = [];
  /**
   * As the index cache gives them: term ids in sorted order, read through `termOf`. They become
   * strings only when a term is added; a start that made 14,600 strings for one query cost ~10 ms.
   */
  private sortedIds: Int32Array | undefined;
  private termOf: (id: number) => string = () => '';
  private recent: string[] = [];

  add(term: string): void {
    this.recent.push(term);
  }

  /** Every term, sorted. */
  all(): readonly string[] {
    this.settle();
    this.materialize();
    return this.sorted;
  }

  /** Replaces the terms with those of `sortedIds`, which must be in sorted order (the index cache). */
  restore(sortedIds: Int32Array, termOf: (id: number) => string): void {
    this.sorted = [];
    this.sortedIds = sortedIds;
    this.termOf = termOf;
    this.recent = [];
  }

  /** All terms starting with `prefix`, in sorted order. */
  withPrefix(prefix: string): string[] {
    this.settle();
    const found: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.length; i++) {
      const term = this.at(i);
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    return found;
  }

  /**
   * Terms within `maxEdits` of `word` that start with the same character (a typo in the first
   * letter is rare, and keeping it cuts the scan to a few percent of the vocabulary).
   */
  near(word: string, maxEdits: number): Array<{ term: string; distance: number }> {
    const near: Array<{ term: string; distance: number }> = [];
    for (const term of this.withPrefix(word.slice(0, 1))) {
      if (Math.abs(term.length - word.length) > maxEdits) continue;
      const distance = editDistance(word, term, maxEdits);
      if (distance <= maxEdits) near.push({ term, distance });
    }
    return near;
  }

  private get length(): number {
    return this.sortedIds ? this.sortedIds.length : this.sorted.length;
  }

  private at(i: number): string {
    return this.sortedIds ? this.termOf(this.sortedIds[i] ?? -1) : (this.sorted[i] ?? '');
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.at(mid) < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private materialize(): void {
    if (!this.sortedIds) return;
    this.sorted = Array.from(this.sortedIds, this.termOf);
    this.sortedIds = undefined;
  }

  private settle(): void {
    if (this.recent.length === 0) return;
    this.materialize();
    if (this.recent.length < INSERT_ONE_BY_ONE) {
      for (const term of this.recent) this.sorted.splice(this.lowerBound(term), 0, term);
    } else {
      this.sorted = this.sorted.concat(this.recent).sort();
    }
    this.recent = [];
  }
}

/** Every string one edit (deletion, transposition, substitution, insertion) away from `word`. */
export function oneEditVariants(word: string): Set<string> {
  const letters = new Set(ALPHABET + word);
  const variants = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) variants.add(head + tail.slice(1));
    if (tail.length > 1) variants.add(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
    for (const letter of letters) {
      if (tail) variants.add(head + letter + tail.slice(1));
      variants.add(head + letter + tail);
    }
  }
  variants.delete(word);
  return variants;
}
