import { fieldMask, fieldShift, type FieldIndex } from './search-fields.js';
import { grow } from './search-terms.js';

/**
 * The distinct terms of the one document being indexed, each with its packed field counts
 * (search-fields.ts). Typed arrays indexed by term id, reused from document to document.
 */
export class DocTerms {
  private seen = new Int32Array(1 << 13).fill(-1);
  private pending = new Int32Array(1 << 13);
  private distinct = new Int32Array(1024);
  private distinctCount = 0;

  /** Counts `terms[0, count)` as occurrences in `field` of `doc`. */
  count(terms: ArrayLike<number>, count: number, doc: number, field: FieldIndex): void {
    const shift = fieldShift(field);
    const mask = fieldMask(field);
    const one = 1 << shift;
    for (let k = 0; k < count; k++) {
      const term = terms[k] ?? 0;
      if (term >= this.seen.length) this.growTo(term);
      if (this.seen[term] !== doc) {
        this.seen[term] = doc;
        this.pending[term] = 0;
        if (this.distinctCount === this.distinct.length) this.distinct = grow(this.distinct);
        this.distinct[this.distinctCount++] = term;
      }
      const packed = this.pending[term] ?? 0;
      if (((packed >>> shift) & mask) < mask) this.pending[term] = packed + one;
    }
  }

  /** Hands over each distinct term counted since the last drain, with its packed counts. */
  drain(visit: (term: number, packed: number) => void): void {
    for (let k = 0; k < this.distinctCount; k++) {
      const term = this.distinct[k] ?? 0;
      visit(term, this.pending[term] ?? 0);
    }
    this.distinctCount = 0;
  }

  /** Document ids are reused after a merge: a stale mark would make a new document skip a term. */
  forgetDocs(): void {
    this.seen.fill(-1);
  }

  private growTo(term: number): void {
    while (term >= this.seen.length) {
      this.pending = grow(this.pending);
      const seen = new Int32Array(this.seen.length * 2).fill(-1);
      seen.set(this.seen);
      this.seen = seen;
    }
  }
}
