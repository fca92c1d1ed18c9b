/**
 * The index cache's content: the catalog's summaries and the search index's arrays, so a start
 * with an unchanged folder reads one file instead of every runbook. The file's frame (header,
 * checksum, aligned sections) is index-cache-sections.ts.
 *
 * Sections: texts (paths, terms, content keys, each runbook's details as JSON), typed arrays, and
 * the posting lists packed (search-packed.ts). A start parses no JSON but the header: a summary's
 * details are parsed when that runbook is first asked for (stored-summary.ts).
 *
 * Whatever does not check out (magic, checksum, versions, folder, options, section bounds, the
 * arrays' shape) is `undefined`: the caller rebuilds. The file is only ever replaced whole
 * (atomic rename); the checksum (CRC-32, about 4 ms at 10,178 runbooks) vouches for the parts
 * that are read later.
 */
import { appVersion } from './app-version.js';
import {
  layOut,
  openSections,
  raw,
  text,
  type Section,
  type SectionReader,
} from './index-cache-sections.js';
import { packPostings } from './search-packed.js';
import { FIELD_COUNT } from './search-fields.js';
import type { RestoredSnapshot, SearchSnapshot } from './search.js';
import { DetailTexts, detailsOf, StoredSummary, storedDocRecord } from './stored-summary.js';
import type { RunbookSummary } from './types.js';

/** Bump when what is stored, or how text is tokenized or parsed, changes. */
const INDEX_CACHE_FORMAT = 3;
const ENGINE_VERSION = appVersion();

/** What a cache must have been written for to be used. */
export interface IndexCacheKey {
  /** The runbook folder's real path. */
  root: string;
  followOutsideLinks: boolean;
}

export interface IndexCacheContent {
  /** In the snapshot's document order. */
  summaries: ReadonlyArray<RunbookSummary | StoredSummary>;
  snapshot: SearchSnapshot;
}

/** What a cache gives back: summaries whose details are parsed when first asked for. */
export interface RestoredIndex {
  summaries: StoredSummary[];
  snapshot: RestoredSnapshot;
}

interface Header extends IndexCacheKey {
  format: number;
  engine: string;
}

export function encodeIndexCache(key: IndexCacheKey, content: IndexCacheContent): Buffer {
  const { snapshot, summaries } = content;
  const { starts, docs, freqs } = snapshot.postings;
  const sections: Record<string, Section> = {
    ...encodeSummaries(summaries),
    copyKeys: text(snapshot.copyKeys.join('\n')),
    terms: text(snapshot.terms.terms.text),
    termStarts: raw('i32', snapshot.terms.terms.starts),
    hashes: raw('i32', snapshot.terms.hashes),
    checks: raw('i32', snapshot.terms.checks),
    indexable: raw('u8', snapshot.terms.indexable),
    sorted: raw('i32', snapshot.terms.sorted),
    starts: raw('i32', starts),
    ...encodePostings(starts, docs, freqs),
    docFreq: raw('i32', snapshot.postings.docFreq),
    styles: raw('u8', snapshot.styles),
    nameRanks: raw('i32', snapshot.nameRanks),
  };
  snapshot.lengths.forEach((lengths, field) => (sections[`lengths${field}`] = raw('i32', lengths)));
  const header: Header = { ...key, format: INDEX_CACHE_FORMAT, engine: ENGINE_VERSION };
  return layOut(header, sections);
}

/**
 * Paths (`\0` never occurs in one), sizes and mtimes side by side, and each runbook's details as
 * JSON with where it starts: a start reads the first three and leaves the JSON for later.
 */
function encodeSummaries(summaries: IndexCacheContent['summaries']): Record<string, Section> {
  const stats = new Float64Array(summaries.length * 2);
  const detailStarts = new Int32Array(summaries.length + 1);
  const details: string[] = [];
  summaries.forEach((summary, id) => {
    stats[2 * id] = summary.size;
    stats[2 * id + 1] = summary.mtimeMs;
    const json =
      summary instanceof StoredSummary ? summary.detailsText() : JSON.stringify(detailsOf(summary));
    details.push(json);
    detailStarts[id + 1] = (detailStarts[id] ?? 0) + Buffer.byteLength(json);
  });
  return {
    paths: text(summaries.map((s) => s.path).join('\0')),
    stats: raw('f64', stats),
    details: text(details.join('')),
    detailStarts: raw('i32', detailStarts),
  };
}

function encodePostings(
  starts: Int32Array,
  docs: Int32Array,
  freqs: Int32Array,
): Record<string, Section> {
  const packed = packPostings(starts, docs, freqs);
  return {
    postings: { kind: 'u8', bytes: Buffer.from(packed.bytes) },
    postingStarts: raw('i32', packed.byteStarts),
  };
}

/** The content, or undefined when the bytes are not a cache of this folder in this format. */
export function decodeIndexCache(file: Buffer, key: IndexCacheKey): RestoredIndex | undefined {
  try {
    return decode(file, key);
  } catch {
    return undefined;
  }
}

function decode(file: Buffer, key: IndexCacheKey): RestoredIndex | undefined {
  const opened = openSections<Header>(file);
  if (!opened) return undefined;
  const { header, reader } = opened;
  if (
    header.format !== INDEX_CACHE_FORMAT ||
    header.engine !== ENGINE_VERSION ||
    header.root !== key.root ||
    header.followOutsideLinks !== key.followOutsideLinks
  ) {
    return undefined;
  }
  const summaries = decodeSummaries(reader);
  if (!summaries) return undefined;
  const snapshot: RestoredSnapshot = {
    docs: summaries.map(storedDocRecord),
    copyKeys: splitText(reader.text('copyKeys'), '\n'),
    lengths: Array.from({ length: FIELD_COUNT }, (_, field) => reader.i32(`lengths${field}`)),
    styles: reader.u8('styles'),
    nameRanks: reader.i32('nameRanks'),
    terms: {
      terms: { text: reader.text('terms'), starts: reader.i32('termStarts') },
      hashes: reader.i32('hashes'),
      checks: reader.i32('checks'),
      indexable: reader.u8('indexable'),
      sorted: reader.i32('sorted'),
    },
    postings: {
      starts: reader.i32('starts'),
      docFreq: reader.i32('docFreq'),
      packed: { bytes: reader.view('postings'), byteStarts: reader.i32('postingStarts') },
      docs: summaries.length,
    },
  };
  return wellFormed(snapshot, summaries.length) ? { summaries, snapshot } : undefined;
}

function decodeSummaries(reader: SectionReader): StoredSummary[] | undefined {
  const paths = splitText(reader.text('paths'), '\0');
  const stats = reader.f64('stats');
  const texts = new DetailTexts(reader.bytes('details'), reader.i32('detailStarts'));
  if (stats.length !== paths.length * 2 || texts.count !== paths.length || !texts.wellFormed())
    return undefined;
  return paths.map(
    (path, id) => new StoredSummary(path, stats[2 * id] ?? 0, stats[2 * id + 1] ?? 0, texts, id),
  );
}

/** Checks every id points where it may, so a damaged file cannot make a search throw or lie. */
function wellFormed(s: RestoredSnapshot, docs: number): boolean {
  const terms = s.terms.hashes.length;
  const { starts, docFreq, packed } = s.postings;
  const termStarts = s.terms.terms.starts;
  const sameLength =
    s.copyKeys.length === docs &&
    s.styles.length === docs &&
    s.nameRanks.length === docs &&
    s.lengths.every((lengths) => lengths.length === docs) &&
    s.terms.checks.length === terms &&
    s.terms.indexable.length === terms &&
    termStarts.length === terms + 1 &&
    termStarts[terms] === s.terms.terms.text.length &&
    docFreq.length === terms &&
    starts.length === terms + 1 &&
    packed.byteStarts.length === terms + 1 &&
    packed.byteStarts[terms] === packed.bytes.length;
  if (!sameLength || starts[0] !== 0 || packed.byteStarts[0] !== 0 || termStarts[0] !== 0)
    return false;
  return (
    ascending(starts) &&
    ascending(termStarts) &&
    ascending(packed.byteStarts) &&
    allBelow(s.terms.sorted, terms) &&
    allBelow(s.nameRanks, docs)
  );
}

function ascending(values: Int32Array): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) < (values[i - 1] ?? 0)) return false;
  return true;
}

/** Whether every value is in [0, limit): one comparison each, as unsigned. */
function allBelow(values: Int32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 0) >>> 0 >= limit) return false;
  return true;
}

function splitText(joined: string, separator: string): string[] {
  return joined === '' ? [] : joined.split(separator);
}
