const CHUNK_BITS = 14;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** Int32 slots per log entry. */
const ENTRY = 4;

/**
 * Postings in the order they were added, each term's chained from its newest entry back. Entries
 * live in fixed-size chunks (term, doc, packed frequencies, previous entry of the term): growing
 * never copies, and a cold build does not allocate twice what it keeps.
 */
export class PostingLog {
  private chunks: Int32Array[] = [];
  private newest = new Int32Array(1 << 13).fill(-1);
  size = 0;
  maxTerm = -1;

  append(term: number, doc: number, packed: number): void {
    while (term >= this.newest.length) {
      const newest = new Int32Array(this.newest.length * 2).fill(-1);
      newest.set(this.newest);
      this.newest = newest;
    }
    const at = this.size++;
    const chunk = this.chunks[at >>> CHUNK_BITS] ?? this.addChunk();
    const base = (at & CHUNK_MASK) * ENTRY;
    chunk[base] = term;
    chunk[base + 1] = doc;
    chunk[base + 2] = packed;
    chunk[base + 3] = this.newest[term] ?? -1;
    this.newest[term] = at;
    if (term > this.maxTerm) this.maxTerm = term;
  }

  forEachOf(term: number, visit: (doc: number, packed: number) => void): void {
    for (let at = this.newest[term] ?? -1; at >= 0;) {
      const chunk = this.chunks[at >>> CHUNK_BITS];
      if (!chunk) return;
      const base = (at & CHUNK_MASK) * ENTRY;
      visit(chunk[base + 1] ?? 0, chunk[base + 2] ?? 0);
      at = chunk[base + 3] ?? -1;
    }
  }

  forEachInOrder(visit: (term: number, doc: number, packed: number) => void): void {
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] ?? new Int32Array(0);
      const entries = Math.min(CHUNK_SIZE, this.size - c * CHUNK_SIZE) * ENTRY;
      for (let base = 0; base < entries; base += ENTRY) {
        visit(chunk[base] ?? 0, chunk[base + 1] ?? 0, chunk[base + 2] ?? 0);
      }
    }
  }

  /** Empties the log, giving back the room a cold build needed. */
  clear(): void {
    this.newest.fill(-1);
    this.size = 0;
    this.maxTerm = -1;
    this.chunks = [];
  }

  private addChunk(): Int32Array {
    const chunk = new Int32Array(CHUNK_SIZE * ENTRY);
    this.chunks.push(chunk);
    return chunk;
  }
}
