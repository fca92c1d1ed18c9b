/**
 * Full-text search over the runbooks: an in-memory inverted index, BM25 per field (name counts
 * most, then title, tags, headings and description, then body), prefix and typo-tolerant words,
 * any-word queries ranked by how many words match, and a snippet around the best match.
 * Accents are folded on both sides (search-fold.ts); identical copies of a runbook come back as
 * one hit that names the others (search-copies.ts), and a page says how many results there are.
 *
 * Our own index rather than MiniSearch, decided by `npm run bench -- --minisearch` on 10,178
 * runbooks (40 MB, 2 cores): MiniSearch built in 5.0 s and peaked at 329 MB; this index builds in
 * about 0.45 s (plus 0.06 s merging at the first query) and the whole process peaks near 200 MB.
 *
 * Memory: no body is kept. A hit's snippet is cut from its file, read again for the few hits a
 * page shows (`BodySource`; runbooks are at most 1 MiB); identical copies are found by a content
 * hash taken at index time. Postings live in typed arrays; terms are stored once. Keeping the
 * bodies cost ~80 MB at 10,178 runbooks; reading ten files for a page costs about a millisecond.
 * An index built without a body source (tests, tools) keeps the bodies itself.
 */
import { contentKey, CopyGroups } from './search-copies.js';
import { accentStyle } from './search-fold.js';
import { DocTable, type DocRecord } from './search-docs.js';
import { extractHeadings } from './search-headings.js';
import { PageCollapser, type PagedDoc } from './search-page.js';
import { BODY, type FieldIndex } from './search-fields.js';
import { Postings, type PackedPostingsSnapshot, type PostingsSnapshot } from './search-postings.js';
import { expandWord, QueryScorer, type Expansion } from './search-query.js';
import { makeSnippet } from './search-snippet.js';
import { closestNames } from './search-suggest.js';
import { TermDictionary, type TermBuffer, type TermSnapshot } from './search-terms.js';
import { camelCaseParts, queryTerms } from './search-tokens.js';
import type { Runbook, SearchHit, SearchPage } from './types.js';

export interface IndexDoc {
  name: string;
  title: string;
  description: string;
  tags: string[];
  headings: string[];
  body: string;
}

export function toIndexDoc(runbook: Runbook): IndexDoc {
  return {
    name: runbook.name,
    title: runbook.title,
    description: runbook.description,
    tags: runbook.tags,
    headings: extractHeadings(runbook.body),
    body: runbook.body,
  };
}

const DEFAULT_LIMIT = 10;
/** How many copies a hit names; its count says how many there are in all. */
const LISTED_COPIES = 5;

export interface SearchOptions {
  /** Hits on the page (default 10; 0 counts without returning hits). */
  limit?: number;
  /** Results to skip, identical copies counted once: 10 gives the second page of 10. */
  offset?: number;
}

/** The current text of a runbook's body, for its snippet; undefined when it cannot be read. */
export type BodySource = (name: string) => string | undefined;

/** Everything the index cache stores of an index; documents by id 0…n-1. */
export interface SearchSnapshot {
  docs: Array<Omit<DocRecord, 'body'>>;
  /** Per document: its content key (see search-copies.ts). */
  copyKeys: string[];
  lengths: Int32Array[];
  styles: Uint8Array;
  /** Each document's place in name order (ranking it took a first query 40 ms at 10k). */
  nameRanks: Int32Array;
  terms: TermSnapshot;
  postings: PostingsSnapshot;
}

/** A snapshot as the index cache gives it back: the posting lists still packed. */
export interface RestoredSnapshot extends Omit<SearchSnapshot, 'postings'> {
  postings: PackedPostingsSnapshot;
}

export class SearchIndex {
  private readonly dict = new TermDictionary();
  private readonly postings = new Postings();
  private readonly docs = new DocTable();
  private readonly scorer = new QueryScorer(this.docs, this.postings);
  private readonly copies = new CopyGroups();
  private readonly collapser = new PageCollapser();
  private readonly buffer: TermBuffer = { ids: new Int32Array(4096) };
  /** Ids removed since the postings last heard of it (released together: one pass for many). */
  private removed: number[] = [];
  /** Each document's place in name order, for equal scores; dropped on every change. */
  private nameRanks: Int32Array | undefined;

  /** `bodyOf`: where snippets read bodies from; without it the index keeps every body. */
  constructor(private readonly bodyOf?: BodySource) {}

  /** Indexes `doc`, replacing the document of the same name. */
  add(doc: IndexDoc, key: string = contentKey(doc)): void {
    this.remove(doc.name);
    this.nameRanks = undefined;
    const { name, title, description, tags } = doc;
    const id = this.docs.open(
      this.bodyOf
        ? { name, title, description, tags }
        : { name, title, description, tags, body: doc.body },
    );
    let bodyFolded = false;
    const lengths = this.forEachField(doc, (terms, count, field) => {
      this.postings.count(terms, count, id, field);
      if (field === BODY) bodyFolded = this.dict.foldedInLastScan;
    });
    this.postings.flush(id);
    this.docs.setLengths(id, lengths);
    this.docs.setGroup(id, this.copies.join(key));
    // Known now for free: whether snippets of this body need the slower accent-tolerant pattern.
    this.docs.setAccentStyle(id, bodyFolded ? accentStyle(doc.body) : 'plain');
  }

  remove(name: string): void {
    const id = this.docs.idOf(name);
    if (id === undefined) return;
    this.nameRanks = undefined;
    this.copies.leave(this.docs.group(id));
    this.docs.close(id);
    this.removed.push(id);
  }

  /** The index as the cache stores it (merged and renumbered first). */
  snapshot(): SearchSnapshot {
    this.settle(true);
    const table = this.docs.snapshot();
    return {
      // As they are: copying would parse every cached runbook's details (stored-summary.ts).
      docs: table.records,
      copyKeys: table.records.map((_, id) => this.copies.keyOf(this.docs.group(id))),
      lengths: table.lengths,
      styles: table.styles,
      nameRanks: (this.nameRanks ??= this.rankNames()),
      terms: this.dict.snapshot(),
      postings: this.postings.snapshot(),
    };
  }

  /** Fills an empty index from a snapshot; the caller has checked it belongs to this folder. */
  restore(snapshot: RestoredSnapshot): void {
    this.nameRanks = snapshot.nameRanks;
    this.docs.restore({
      records: snapshot.docs,
      lengths: snapshot.lengths,
      styles: snapshot.styles,
    });
    snapshot.copyKeys.forEach((key, id) => this.docs.setGroup(id, this.copies.join(key)));
    this.dict.restore(snapshot.terms);
    this.postings.restore(snapshot.postings);
  }

  has(name: string): boolean {
    return this.docs.idOf(name) !== undefined;
  }

  get size(): number {
    return this.docs.live;
  }

  /** The best hits first, identical copies folded into one hit. */
  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    return this.query(query, { limit }).hits;
  }

  /** A page of hits and how many results there are in all. */
  query(query: string, options: SearchOptions = {}): SearchPage {
    const limit = wholeNumber(options.limit, DEFAULT_LIMIT);
    const offset = wholeNumber(options.offset, 0);
    this.settle(false);
    const words = queryTerms(query)
      .map((word) => expandWord(word, this.dict, this.postings))
      .filter((expansions) => expansions.length > 0);
    const page = this.collapser.page(
      this.scorer.score(words),
      this.docs.groupIds(),
      { offset, limit, groups: this.copies.capacity },
      this.nameOrder,
    );
    const hits = page.docs.flatMap((paged) => this.toHit(paged, words));
    return { hits, total: page.total, matched: page.matched, offset };
  }

  suggest(name: string, limit = 5): string[] {
    return closestNames(name, this.docs.names(), limit, (query) =>
      this.search(query, limit).map((hit) => hit.name),
    );
  }

  /** Equal scores: the shorter name first, then the name (copy2 before copy10, as copies list). */
  private readonly nameOrder = (a: number, b: number): boolean => {
    // Ranked once per change: comparing names on every tie cost a fifth of a query at 10k.
    const ranks = (this.nameRanks ??= this.rankNames());
    return (ranks[a] ?? 0) < (ranks[b] ?? 0);
  };

  private rankNames(): Int32Array {
    const ids: number[] = [];
    const names: string[] = [];
    for (let id = 0; id < this.docs.capacity; id++) {
      names.push(this.docs.get(id)?.name ?? '');
      if (this.docs.isLive(id)) ids.push(id);
    }
    ids.sort((a, b) => byLengthThenName(names[a] ?? '', names[b] ?? ''));
    const ranks = new Int32Array(this.docs.capacity);
    ids.forEach((id, rank) => (ranks[id] = rank));
    return ranks;
  }

  /** Releases removed documents' postings, then merges when reads would gain (or `always`). */
  private settle(always: boolean): void {
    if (this.removed.length > 0) {
      const dead = new Uint8Array(this.docs.capacity);
      for (const id of this.removed) dead[id] = 1;
      this.removed = [];
      this.postings.releaseDocs(dead);
    }
    if (always || this.postings.wantsMerge) {
      this.postings.merge(this.docs.renumber());
      this.nameRanks = undefined;
    }
  }

  private toHit(paged: PagedDoc, words: readonly Expansion[][]): SearchHit[] {
    const doc = this.docs.get(paged.doc);
    if (!doc) return [];
    const terms = this.scorer.termsIn(paged.doc, words);
    const body = this.bodyOf ? this.bodyOf(doc.name) : doc.body;
    const hit: SearchHit = {
      name: doc.name,
      title: doc.title,
      tags: doc.tags,
      score: round(paged.score),
      snippet: body
        ? makeSnippet(body, terms, this.docs.accentStyle(paged.doc))
        : makeSnippet(doc.description || doc.title, terms),
      terms,
    };
    if (paged.copyCount > 0) {
      const names = paged.copies.flatMap((id) => this.docs.get(id)?.name ?? []);
      names.sort(byLengthThenName);
      hit.copies = { count: paged.copyCount, names: names.slice(0, LISTED_COPIES) };
    }
    return [hit];
  }

  /** Hands each field's term ids to `visit`, the body last; returns the term count per field. */
  private forEachField(doc: IndexDoc, visit: TermVisitor): number[] {
    const fileName = doc.name.slice(doc.name.lastIndexOf('/') + 1);
    const short: Array<[FieldIndex, string]> = [
      [0, `${doc.name} ${fileName}`], // the file name counts twice: it is what people remember
      [1, doc.title],
      [2, doc.tags.join(' ')],
      [3, [doc.description, ...doc.headings].join('\n')],
    ];
    const lengths = short.map(([field, text]) => this.visitShortField(text, field, visit));
    const count = this.dict.scan(doc.body, this.buffer);
    visit(this.buffer.ids, count, BODY);
    return [...lengths, count];
  }

  private visitShortField(text: string, field: FieldIndex, visit: TermVisitor): number {
    const count = this.dict.scan(text, this.buffer);
    visit(this.buffer.ids, count, field);
    const parts = camelCaseParts(text).map((term) => this.dict.idFor(term));
    visit(parts, parts.length, field);
    return count + parts.length;
  }
}

type TermVisitor = (terms: ArrayLike<number>, count: number, field: FieldIndex) => void;

/** Shorter names first, so copies list as copy2, copy3 … copy10 (cheaper than a collator). */
function byLengthThenName(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function wholeNumber(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
