import { PackedLists, type PackedPostings, type PostingList } from './search-packed.js';
import { PostingLog } from './search-posting-log.js';
import { DocTerms } from './search-doc-terms.js';
import type { FieldIndex } from './search-fields.js';
import { grow } from './search-terms.js';

export interface PostingsSnapshot {
  /** Per term: where its postings start in `docs`/`freqs` (one more entry than terms). */
  starts: Int32Array<ArrayBuffer>;
  docs: Int32Array<ArrayBuffer>;
  /** Packed field frequencies, as `fieldShift` lays them out. */
  freqs: Int32Array<ArrayBuffer>;
  docFreq: Int32Array<ArrayBuffer>;
}

/** Postings as a start restores them from the index cache: still packed (search-packed.ts). */
export interface PackedPostingsSnapshot {
  starts: Int32Array;
  docFreq: Int32Array;
  packed: PackedPostings;
  /** How many documents the ids count up to. */
  docs: number;
}

/** Log entries below this never trigger a merge: walking them costs less than merging. */
const MIN_LOG_TO_MERGE = 8192;

/**
 * Posting lists in two parts, all typed arrays (no per-term JavaScript arrays for the garbage
 * collector to copy and scan; that was a quarter of the build time):
 * - a merged part: every term's postings contiguous, sorted by document id;
 * - a log of postings added since, each term's entries chained newest first.
 * Adding appends to the log. A read merges first when the log (or the dead postings of removed
 * documents) grew past an eighth of the merged part, so a cold build is one merge, at the first
 * query, and a one-file update stays a few hundred appends.
 */
export class Postings {
  private starts = new Int32Array(1);
  private mergedDocs = new Int32Array(0);
  private mergedFreqs = new Int32Array(0);
  /** The merged part as restored from the cache, until the next merge unpacks it. */
  private packed: PackedLists | undefined;
  private readonly log = new PostingLog();
  private docFreq = new Int32Array(1 << 13);
  private deadPostings = 0;
  /** The document being counted: its distinct terms and their packed counts so far. */
  private readonly current = new DocTerms();

  df(term: number): number {
    return this.docFreq[term] ?? 0;
  }

  /** Counts `terms[0, count)` as occurrences in `field` of `doc`; `flush(doc)` when done with it. */
  count(terms: ArrayLike<number>, count: number, doc: number, field: FieldIndex): void {
    this.current.count(terms, count, doc, field);
  }

  /** Appends the postings of the document counted since the last flush. */
  flush(doc: number): void {
    this.current.drain((term, packed) => {
      this.log.append(term, doc, packed);
      if (term >= this.docFreq.length) this.growDocFreq(term);
      this.docFreq[term] = (this.docFreq[term] ?? 0) + 1;
    });
  }

  /**
   * Removed documents (`dead[doc] === 1`): their postings are now dead, skipped until merged.
   * One pass over every posting finds their terms, so no document's terms are kept for this;
   * callers gather removals and release them together, before the next read.
   */
  releaseDocs(dead: Uint8Array): void {
    this.forEachStored((term, doc) => {
      if (dead[doc] !== 1) return;
      this.docFreq[term] = (this.docFreq[term] ?? 1) - 1;
      this.deadPostings++;
    });
  }

  /** The merged part and document frequencies; `merge` first, or the log (and packed lists) are left out. */
  snapshot(): PostingsSnapshot {
    const terms = this.starts.length - 1;
    return {
      starts: this.starts,
      docs: this.mergedDocs,
      freqs: this.mergedFreqs,
      docFreq: this.docFreq.slice(0, terms),
    };
  }

  /** Fills empty postings from the index cache; the lists stay packed until merged. */
  restore(snapshot: PackedPostingsSnapshot): void {
    this.starts = new Int32Array(snapshot.starts);
    this.mergedDocs = new Int32Array(0);
    this.mergedFreqs = new Int32Array(0);
    this.packed = new PackedLists(snapshot.packed, snapshot.docs);
    const terms = snapshot.docFreq.length;
    if (terms >= this.docFreq.length) this.growDocFreq(terms);
    this.docFreq.set(snapshot.docFreq);
  }

  /** Whether reads would be faster after `merge`. */
  get wantsMerge(): boolean {
    const limit = Math.max(MIN_LOG_TO_MERGE, this.mergedDocs.length / 8);
    return this.log.size > limit || this.deadPostings > limit;
  }

  /**
   * Rebuilds the merged part from it and the log, dropping dead documents and giving the live
   * ones their new ids (`newIds[old]`, -1 when dead; ids keep their order). A counting sort.
   */
  merge(newIds: Int32Array): void {
    const terms = Math.max(this.starts.length - 1, this.log.maxTerm + 1);
    const starts = new Int32Array(terms + 1);
    this.forEachStored((term, doc) => {
      if ((newIds[doc] ?? -1) >= 0) starts[term + 1] = (starts[term + 1] ?? 0) + 1;
    });
    for (let term = 0; term < terms; term++)
      starts[term + 1] = (starts[term + 1] ?? 0) + (starts[term] ?? 0);
    const docs = new Int32Array(starts[terms] ?? 0);
    const freqs = new Int32Array(docs.length);
    const cursor = starts.slice(0, terms);
    this.forEachStored((term, doc, packed) => {
      const id = newIds[doc] ?? -1;
      if (id < 0) return;
      const at = cursor[term] ?? 0;
      docs[at] = id;
      freqs[at] = packed;
      cursor[term] = at + 1;
    });
    this.starts = starts;
    this.mergedDocs = docs;
    this.mergedFreqs = freqs;
    this.packed = undefined;
    this.log.clear();
    this.deadPostings = 0;
    // Old ids come back as new ones.
    this.current.forgetDocs();
  }

  /** Every posting: the merged part term by term, then the log oldest first (so ids ascend per term). */
  private forEachStored(visit: (term: number, doc: number, packed: number) => void): void {
    if (this.packed) {
      this.packed.forEach(visit);
    } else {
      for (let term = 0; term < this.starts.length - 1; term++) {
        const end = this.starts[term + 1] ?? 0;
        for (let i = this.starts[term] ?? 0; i < end; i++)
          visit(term, this.mergedDocs[i] ?? 0, this.mergedFreqs[i] ?? 0);
      }
    }
    this.log.forEachInOrder(visit);
  }

  /** Calls `visit` for each posting of `term`, dead documents included (the caller skips them). */
  forEach(term: number, visit: (doc: number, packed: number) => void): void {
    const { docs, freqs, from, to } = this.mergedList(term);
    for (let i = from; i < to; i++) visit(docs[i] ?? 0, freqs[i] ?? 0);
    this.log.forEachOf(term, visit);
  }

  has(term: number, doc: number): boolean {
    const { docs, from, to } = this.mergedList(term);
    if (sortedIncludes(docs, from, to, doc)) return true;
    let found = false;
    this.log.forEachOf(term, (other) => {
      if (other === doc) found = true;
    });
    return found;
  }

  /** Where `term`'s merged postings are: in the merged arrays, or unpacked from the cache's. */
  private mergedList(term: number): PostingList & { from: number; to: number } {
    if (term >= this.starts.length - 1) return { docs: NONE, freqs: NONE, from: 0, to: 0 };
    const from = this.starts[term] ?? 0;
    const to = this.starts[term + 1] ?? 0;
    if (this.packed) {
      const { docs, freqs } = this.packed.list(term, to - from);
      return { docs, freqs, from: 0, to: docs.length };
    }
    return { docs: this.mergedDocs, freqs: this.mergedFreqs, from, to };
  }

  private growDocFreq(term: number): void {
    while (term >= this.docFreq.length) this.docFreq = grow(this.docFreq);
  }
}

const NONE = new Int32Array(0);

function sortedIncludes(sorted: Int32Array, low: number, end: number, value: number): boolean {
  let high = end - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
