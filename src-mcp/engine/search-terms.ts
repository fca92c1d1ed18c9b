import { foldAccents } from './search-fold.js';
import { isIndexable, isWordCode, MAX_TERM_LENGTH, MIN_TERM_LENGTH } from './search-tokens.js';
import { oneEditVariants, SortedTerms } from './search-vocabulary.js';

/** For ASCII: 0 outside words, else the code of the lowercase character. */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isWordCode(c)) WORD_CHAR[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Every distinct term gets a small integer id. During indexing a word is looked up by a
 * fingerprint computed while scanning it (a polynomial hash and an FNV-1a hash with the length
 * mixed in: 64 bits), so a word already known costs no string at all. Comparing characters
 * instead cost a third of the build time on 40 MB. Two terms sharing a fingerprint has odds of
 * about 3 in 10^8 even at a million distinct terms, and would only make the two words find each
 * other. A sorted copy of the terms answers prefix and typo queries.
 * Terms are never forgotten: a term whose documents are all gone just has no postings.
 */
export class TermDictionary {
  private slots = new Int32Array(1 << 14);
  private hashes = new Int32Array(1 << 13);
  private checks = new Int32Array(1 << 13);
  private readonly terms = new TermList();
  /** 1 for terms that go into the index, 0 for stopwords and the like. */
  private indexable = new Uint8Array(1 << 13);
  private readonly vocabulary = new SortedTerms();
  private readonly units = new CodeUnits();
  /** Whether the last `scan` met a word that folding changed beyond its case (`Ünïcode`). */
  foldedInLastScan = false;

  get size(): number {
    return this.terms.length;
  }

  term(id: number): string {
    return this.terms.at(id);
  }

  lookup(term: string): number {
    const [h, g] = fingerprint(term);
    const found = this.find(h, g);
    return found < 0 ? -1 : found;
  }

  /** The id of a lowercase term, added if new. */
  idFor(term: string): number {
    const [h, g] = fingerprint(term);
    const found = this.find(h, g);
    return found >= 0 ? found : this.insert(~found, term, h, g);
  }

  /**
   * Puts the ids of the indexable words of `text`, in order, in `out.ids` and returns how many.
   * ASCII case is folded in the loop (no lowercased copy of the body); a word with other
   * characters takes the slow path through `toLowerCase` and `foldAccents`. This is the hot path
   * of a cold build.
   */
  scan(text: string, out: TermBuffer): number {
    const length = text.length;
    const chars = this.units.load(text);
    this.foldedInLastScan = false;
    let count = 0;
    let i = 0;
    while (i < length) {
      let c = chars[i] ?? 0;
      while (c < 128 ? WORD_CHAR[c] === 0 : !isWordCode(c)) {
        if (++i === length) return count;
        c = chars[i] ?? 0;
      }
      const start = i;
      let h = 0;
      let g = FNV_OFFSET;
      let ascii = true;
      for (;;) {
        if (c < 128) {
          c = WORD_CHAR[c] ?? 0;
          if (c === 0) break;
        } else if (isWordCode(c)) ascii = false;
        else break;
        h = (Math.imul(h, 31) + c) | 0;
        g = Math.imul(g ^ c, FNV_PRIME);
        if (++i === length) break;
        c = chars[i] ?? 0;
      }
      const size = i - start;
      if (size < MIN_TERM_LENGTH || size > MAX_TERM_LENGTH) continue;
      let id: number;
      if (ascii) {
        g ^= size;
        id = this.find(h, g);
        if (id < 0) id = this.insert(~id, text.slice(start, i).toLowerCase(), h, g);
      } else {
        const lower = text.slice(start, i).toLowerCase();
        const term = foldAccents(lower);
        if (term !== lower) this.foldedInLastScan = true;
        id = this.idFor(term);
      }
      if (this.indexable[id] !== 1) continue;
      if (count === out.ids.length) out.ids = grow(out.ids);
      out.ids[count++] = id;
    }
    return count;
  }

  /** Indexable terms starting with `prefix` (the prefix itself included when it is a term). */
  withPrefix(prefix: string): Array<{ term: string; id: number }> {
    return this.vocabulary.withPrefix(prefix).map((term) => ({ term, id: this.lookup(term) }));
  }

  /** Indexable terms exactly one edit away from `word`. */
  oneEditAway(word: string): Array<{ term: string; id: number; distance: number }> {
    const found: Array<{ term: string; id: number; distance: number }> = [];
    for (const term of oneEditVariants(word)) {
      const id = this.lookup(term);
      if (id >= 0 && this.indexable[id] === 1) found.push({ term, id, distance: 1 });
    }
    return found;
  }

  /** Indexable terms one or two edits away from `word` that share its first character. */
  twoEditsAway(word: string): Array<{ term: string; id: number; distance: number }> {
    return this.vocabulary
      .near(word, 2)
      .filter(({ distance }) => distance > 0)
      .map(({ term, distance }) => ({ term, id: this.lookup(term), distance }));
  }

  /** The terms and their fingerprints, and the vocabulary's sorted order (as term ids). */
  snapshot(): TermSnapshot {
    const n = this.terms.length;
    return {
      terms: this.terms.pack(),
      hashes: this.hashes.slice(0, n),
      checks: this.checks.slice(0, n),
      indexable: this.indexable.slice(0, n),
      sorted: Int32Array.from(this.vocabulary.all(), (term) => this.lookup(term)),
    };
  }

  /** Fills an empty dictionary from a snapshot (the index cache). */
  restore(snapshot: TermSnapshot): void {
    this.terms.restore(snapshot.terms);
    const terms = this.terms;
    const capacity = Math.max(1 << 13, terms.length * 2);
    this.hashes = new Int32Array(capacity);
    this.hashes.set(snapshot.hashes);
    this.checks = new Int32Array(capacity);
    this.checks.set(snapshot.checks);
    this.indexable = new Uint8Array(capacity);
    this.indexable.set(snapshot.indexable);
    let slots = 1 << 14;
    while (slots < terms.length * 2) slots *= 2;
    this.slots = new Int32Array(slots / 2);
    this.rehash(); // doubles the table: `slots` entries, as many as inserting would have made

    this.vocabulary.restore(snapshot.sorted, (id) => this.terms.at(id));
  }

  /** The id with this fingerprint, else `~slot` of the empty slot to insert it at. */
  private find(h: number, g: number): number {
    const mask = this.slots.length - 1;
    let slot = spread(h) & mask;
    for (;;) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) return ~slot;
      const id = entry - 1;
      if (this.hashes[id] === h && this.checks[id] === g) return id;
      slot = (slot + 1) & mask;
    }
  }

  private insert(slot: number, term: string, h: number, g: number): number {
    const id = this.terms.length;
    this.terms.push(ownCopy(term));
    if (id >= this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.checks = grow(this.checks);
      const indexable = new Uint8Array(this.hashes.length);
      indexable.set(this.indexable);
      this.indexable = indexable;
    }
    this.indexable[id] = isIndexable(term) ? 1 : 0;
    this.hashes[id] = h;
    this.checks[id] = g;
    this.slots[slot] = id + 1;
    if (this.indexable[id] === 1) this.vocabulary.add(this.terms.at(id));
    if (this.terms.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let slot = spread(this.hashes[id] ?? 0) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The two hashes `scan` computes (the length mixed into the second), for a lowercase term. */
function fingerprint(term: string): [number, number] {
  let h = 0;
  let g = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    h = (Math.imul(h, 31) + c) | 0;
    g = Math.imul(g ^ c, FNV_PRIME);
  }
  return [h, g ^ term.length];
}

/** Mixes the high bits into the low ones: `31 * h + c` alone clusters short words in the table. */
function spread(h: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return x ^ (x >>> 16);
}

/**
 * A copy that does not point into the body it was cut from: V8 makes a slice of 13 or more
 * characters a view of its parent, which would keep a removed runbook's whole body alive.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * A text's UTF-16 code units in a reused typed array. Reading them there instead of with
 * `charCodeAt` keeps the scanner fast whatever V8 made of the string (flat, sliced out of a
 * file's content, concatenated); mixing those kinds in one loop made it 30% slower.
 */
class CodeUnits {
  private bytes = Buffer.alloc(1 << 16);
  private units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length / 2);

  load(text: string): Uint16Array {
    if (text.length * 2 > this.bytes.length) {
      this.bytes = Buffer.alloc(Math.max(text.length * 2, this.bytes.length * 2));
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length / 2);
    }
    this.bytes.write(text, 0, 'utf16le');
    return this.units;
  }
}

/** The dictionary as the index cache stores it: terms by id. */
export interface TermSnapshot {
  terms: PackedTerms;
  hashes: Int32Array;
  checks: Int32Array;
  indexable: Uint8Array;
  /** Ids of the indexable terms in sorted order. */
  sorted: Int32Array;
}

/** Terms by id as one text: term `i` is `text.slice(starts[i], starts[i + 1])`. */
interface PackedTerms {
  text: string;
  starts: Int32Array;
}

/**
 * The terms by id. Those restored from the index cache stay one string, cut when asked for: a
 * start splitting 14,600 terms into strings spent most of its time and garbage on terms that a
 * query never reads. Terms added since are kept as strings.
 */
class TermList {
  private packed: PackedTerms = { text: '', starts: new Int32Array(1) };
  private stored = 0;
  private added: string[] = [];

  get length(): number {
    return this.stored + this.added.length;
  }

  at(id: number): string {
    if (id >= this.stored) return this.added[id - this.stored] ?? '';
    const { text, starts } = this.packed;
    return text.slice(starts[id], starts[id + 1]);
  }

  push(term: string): void {
    this.added.push(term);
  }

  restore(packed: PackedTerms): void {
    // A copy (60 KB): the restored offsets are a view of the whole cache file otherwise.
    this.packed = { text: packed.text, starts: packed.starts.slice() };
    this.stored = packed.starts.length - 1;
    this.added = [];
  }

  pack(): PackedTerms {
    if (this.added.length === 0) return this.packed;
    const starts = new Int32Array(this.length + 1);
    starts.set(this.packed.starts.subarray(0, this.stored + 1));
    let at = starts[this.stored] ?? 0;
    this.added.forEach((term, i) => (starts[this.stored + i + 1] = at += term.length));
    return { text: this.packed.text + this.added.join(''), starts };
  }
}

/** Reusable output of `scan`; grown as needed, so scanning allocates nothing per word. */
export interface TermBuffer {
  ids: Int32Array<ArrayBuffer>;
}

export function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
