/**
 * Posting lists as the index cache stores them, and as a start keeps them until they are merged:
 * per term, each posting as two varints (the gap from the previous document id, then the packed
 * field counts). At 10,178 runbooks that is 4 MB instead of 15 MB of Int32Arrays, and a start
 * touches none of it: a query unpacks the lists of its own terms (kept for the next query), and
 * only a merge, after the folder changed, unpacks them all.
 */

/** The packed lists: term `t`'s bytes are `bytes[byteStarts[t], byteStarts[t + 1])`. */
export interface PackedPostings {
  bytes: Uint8Array;
  byteStarts: Int32Array;
}

/** Unpacked lists kept at most this many postings in all (then all are dropped). */
const MAX_UNPACKED = 1 << 20;

export interface PostingList {
  docs: Int32Array;
  freqs: Int32Array;
}

export function packPostings(
  starts: Int32Array,
  docs: Int32Array,
  freqs: Int32Array,
): PackedPostings {
  const terms = starts.length - 1;
  const bytes = Buffer.allocUnsafe(docs.length * 10);
  const byteStarts = new Int32Array(terms + 1);
  let at = 0;
  for (let term = 0; term < terms; term++) {
    let previous = 0;
    for (let i = starts[term] ?? 0; i < (starts[term + 1] ?? 0); i++) {
      at = writeVarint(bytes, at, (docs[i] ?? 0) - previous);
      at = writeVarint(bytes, at, freqs[i] ?? 0);
      previous = docs[i] ?? 0;
    }
    byteStarts[term + 1] = at;
  }
  return { bytes: bytes.subarray(0, at), byteStarts };
}

export class PackedLists {
  private readonly unpacked = new Map<number, PostingList>();
  private unpackedPostings = 0;

  /**
   * `limit`: the number of documents. An id at or past it ends its list: the cache checks out by
   * checksum, so this only keeps a bug from becoming an out-of-range read.
   */
  constructor(
    private readonly packed: PackedPostings,
    private readonly limit: number,
  ) {}

  get terms(): number {
    return this.packed.byteStarts.length - 1;
  }

  /** `count`: how many postings the term has (the merged part's `starts` say). */
  list(term: number, count: number): PostingList {
    const known = this.unpacked.get(term);
    if (known) return known;
    const docs = new Int32Array(count);
    const freqs = new Int32Array(count);
    let n = 0;
    this.decode(term, (doc, packed) => {
      if (n === count) return;
      docs[n] = doc;
      freqs[n++] = packed;
    });
    const list = { docs: docs.subarray(0, n), freqs: freqs.subarray(0, n) };
    if (this.unpackedPostings + n > MAX_UNPACKED) {
      this.unpacked.clear();
      this.unpackedPostings = 0;
    }
    this.unpacked.set(term, list);
    this.unpackedPostings += n;
    return list;
  }

  /** Every posting, term by term, without keeping what it unpacks (for a merge). */
  forEach(visit: (term: number, doc: number, packed: number) => void): void {
    for (let term = 0; term < this.terms; term++)
      this.decode(term, (doc, packed) => visit(term, doc, packed));
  }

  private decode(term: number, visit: (doc: number, packed: number) => void): void {
    const { bytes, byteStarts } = this.packed;
    const end = Math.min(byteStarts[term + 1] ?? 0, bytes.length);
    let at = byteStarts[term] ?? end;
    let doc = 0;
    let first = true;
    while (at < end) {
      // Two varints, read inline: a merge reads millions.
      let gap = 0;
      for (let shift = 0, byte = 0x80; byte >= 0x80 && shift <= 28; shift += 7) {
        byte = bytes[at++] ?? 0;
        gap |= (byte & 0x7f) << shift;
      }
      let freq = 0;
      for (let shift = 0, byte = 0x80; byte >= 0x80 && shift <= 28; shift += 7) {
        byte = bytes[at++] ?? 0;
        freq |= (byte & 0x7f) << shift;
      }
      doc += gap;
      if (doc >= this.limit || doc < 0 || (gap <= 0 && !first)) return;
      first = false;
      visit(doc, freq);
    }
  }
}

function writeVarint(out: Buffer, at: number, value: number): number {
  let rest = value >>> 0;
  while (rest >= 0x80) {
    out[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  out[at++] = rest;
  return at;
}
