/**
 * Full-text search over the runbooks: an in-memory inverted index, BM25 per field (name counts
 * most, then title, tags, headings and description, then body), prefix and typo-tolerant words,
 * any-word queries ranked by how many words match, and a snippet around the best match.
 *
 * Our own index rather than MiniSearch, decided by `npm run bench -- --minisearch` on 10,178
 * runbooks (40 MB, 2 cores): MiniSearch built in 5.0 s and peaked at 329 MB; this index builds in
 * about 0.45 s (plus 0.06 s merging at the first query) and the whole process peaks near 200 MB.
 *
 * Memory: the body text is kept once, in the index (the catalog keeps summaries only), because
 * snippets need it and re-reading files per query would tie search latency to the disk. Postings
 * live in typed arrays; terms are stored once.
 */
import { DocTable } from './search-docs.js';
import { extractHeadings } from './search-headings.js';
import { BODY, Postings, type FieldIndex } from './search-postings.js';
import { expandWord, QueryScorer } from './search-query.js';
import { makeSnippet } from './search-snippet.js';
import { closestNames } from './search-suggest.js';
import { TermDictionary, type TermBuffer } from './search-terms.js';
import { camelCaseParts, queryTerms } from './search-tokens.js';
import type { Runbook, SearchHit } from './types.js';

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

export class SearchIndex {
  private readonly dict = new TermDictionary();
  private readonly postings = new Postings();
  private readonly docs = new DocTable();
  private readonly scorer = new QueryScorer(this.docs, this.postings);
  private readonly buffer: TermBuffer = { ids: new Int32Array(4096) };

  /** Indexes `doc`, replacing the document of the same name. */
  add(doc: IndexDoc): void {
    this.remove(doc.name);
    const id = this.docs.open(doc);
    const lengths = this.forEachField(doc, (terms, count, field) => {
      this.postings.count(terms, count, id, field);
    });
    this.postings.flush(id);
    this.docs.setLengths(id, lengths);
  }

  remove(name: string): void {
    const id = this.docs.idOf(name);
    if (id === undefined) return;
    const doc = this.docs.get(id);
    this.docs.close(id);
    if (!doc) return;
    const distinct = new Set<number>();
    this.forEachField(doc, (terms, count) => {
      for (let k = 0; k < count; k++) distinct.add(terms[k] ?? 0);
    });
    this.postings.release(distinct);
  }

  has(name: string): boolean {
    return this.docs.idOf(name) !== undefined;
  }

  get size(): number {
    return this.docs.live;
  }

  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    limit = Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_LIMIT;
    if (limit <= 0) return [];
    if (this.postings.wantsMerge) this.postings.merge(this.docs.renumber());
    const words = queryTerms(query).map((word) => expandWord(word, this.dict, this.postings));
    return this.scorer.rank(words, limit).flatMap(({ doc: id, score, terms }) => {
      const doc = this.docs.get(id);
      if (!doc) return [];
      const snippet = makeSnippet(doc.body || doc.description, terms);
      return [
        { name: doc.name, title: doc.title, tags: doc.tags, score: round(score), snippet, terms },
      ];
    });
  }

  suggest(name: string, limit = 5): string[] {
    return closestNames(name, this.docs.names(), limit, (query) =>
      this.search(query, limit).map((hit) => hit.name),
    );
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

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
