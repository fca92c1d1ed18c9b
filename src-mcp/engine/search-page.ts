/**
 * One page of results out of every scored document: identical copies collapsed into their best
 * scoring member, the groups counted (the honest total), and the requested slice cut out.
 * Scratch arrays are kept between queries and stamped instead of cleared.
 */
import type { ScoredDoc } from './search-query.js';

export interface PageRequest {
  offset: number;
  limit: number;
  /** One past the highest group id. */
  groups: number;
}

export interface PagedDoc extends ScoredDoc {
  /** Other matching documents with identical content. */
  copyCount: number;
  copies: number[];
}

export interface CollapsedPage {
  docs: PagedDoc[];
  /** Distinct results: matching documents, each group of identical copies counted once. */
  total: number;
  /** Every matching document, copies included. */
  matched: number;
}

export class PageCollapser {
  private leaderAt = new Int32Array(0);
  private counts = new Int32Array(0);
  private stamps = new Int32Array(0);
  private stamp = 0;

  /** `groupOf[doc]` is the group of identical copies `doc` belongs to. */
  /**
   * `before(a, b)`: whether doc `a` goes before doc `b` of the same score. Postings come in a
   * different order before and after a merge, and in a cached index: equal scores must not
   * depend on it.
   */
  page(
    scored: readonly ScoredDoc[],
    groupOf: Int32Array,
    request: PageRequest,
    before: (a: number, b: number) => boolean,
  ): CollapsedPage {
    this.prepare(request.groups);
    const leaders: ScoredDoc[] = [];
    for (const entry of scored) {
      const group = groupOf[entry.doc] ?? 0;
      if (this.stamps[group] !== this.stamp) {
        this.stamps[group] = this.stamp;
        this.leaderAt[group] = leaders.length;
        this.counts[group] = 1;
        leaders.push(entry);
        continue;
      }
      this.counts[group] = (this.counts[group] ?? 0) + 1;
      const at = this.leaderAt[group] ?? 0;
      const leader = leaders[at];
      if (
        !leader ||
        entry.score > leader.score ||
        (entry.score === leader.score && before(entry.doc, leader.doc))
      )
        leaders[at] = entry;
    }
    const top = selectTop(leaders, request.offset + request.limit, before).slice(request.offset);
    const docs = top.map((entry) => ({
      ...entry,
      copyCount: (this.counts[groupOf[entry.doc] ?? 0] ?? 1) - 1,
      copies: [],
    }));
    listCopies(docs, scored, groupOf);
    return { docs, total: leaders.length, matched: scored.length };
  }

  private prepare(capacity: number): void {
    if (this.stamps.length < capacity) {
      const size = Math.max(1024, capacity * 2);
      this.leaderAt = new Int32Array(size);
      this.counts = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.stamp = 0;
    } else if (this.stamp > 0x3fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }
}

/** Fills in the copies of each hit that has any: one pass, only when needed. */
function listCopies(
  docs: readonly PagedDoc[],
  scored: readonly ScoredDoc[],
  groupOf: Int32Array,
): void {
  const wanted = new Map<number, PagedDoc>();
  for (const hit of docs) if (hit.copyCount > 0) wanted.set(groupOf[hit.doc] ?? 0, hit);
  if (wanted.size === 0) return;
  for (const { doc } of scored) {
    const hit = wanted.get(groupOf[doc] ?? 0);
    if (hit && doc !== hit.doc) hit.copies.push(doc);
  }
}

/** The `limit` best entries, best first; equal scores in `before` order. */
function selectTop(
  entries: readonly ScoredDoc[],
  limit: number,
  before: (a: number, b: number) => boolean,
): ScoredDoc[] {
  const first = (a: ScoredDoc, b: ScoredDoc): boolean =>
    a.score > b.score || (a.score === b.score && before(a.doc, b.doc));
  if (limit > 64)
    return [...entries].sort((a, b) => (first(a, b) ? -1 : first(b, a) ? 1 : 0)).slice(0, limit);
  // Insertion into a short sorted list: most documents fail the first comparison.
  const top: ScoredDoc[] = [];
  for (const entry of entries) {
    const last = top[top.length - 1];
    if (top.length >= limit && last && !first(entry, last)) continue;
    let at = top.length;
    while (at > 0 && first(entry, top[at - 1] ?? entry)) at--;
    top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top;
}
