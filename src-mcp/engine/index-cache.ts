/**
 * The index cache's format: the catalog's summaries and the search index's arrays, so a start
 * with an unchanged folder reads one file instead of every runbook.
 *
 * Layout: `RBIX`, a u32 header length, a JSON header (format, engine version, folder, options,
 * sections), then each section 8-byte aligned: texts (paths, terms, content keys, each runbook's
 * details as JSON), typed arrays raw (little-endian, as every platform we ship on), and the
 * posting lists as varints (varint.ts). A start parses no JSON but the header: a summary's
 * details are parsed when that runbook is first asked for (stored-summary.ts).
 *
 * Whatever does not check out (magic, versions, folder, options, section bounds, the arrays'
 * shape, ids out of range) is `undefined`: the caller rebuilds. There is no checksum over the
 * whole file (hashing it cost a tenth of the budget); the file is only ever replaced whole
 * (atomic rename), the shape checks catch truncation and foreign bytes, and a runbook whose
 * stored details do not parse is read from its file instead.
 */
import { crc32 } from 'node:zlib';
import { appVersion } from './app-version.js';
import { packPostings } from './search-packed.js';
import { FIELD_COUNT } from './search-postings.js';
import type { RestoredSnapshot, SearchSnapshot } from './search.js';
import { DetailTexts, detailsOf, StoredSummary, storedDocRecord } from './stored-summary.js';
import type { RunbookSummary } from './types.js';

/** Bump when what is stored, or how text is tokenized or parsed, changes. */
export const INDEX_CACHE_FORMAT = 2;
const MAGIC = 'RBIX';
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
  /** CRC-32 of every byte after the header: the lazily read parts are then known to be intact. */
  checksum: number;
  /** name → [kind, offset, length in bytes] */
  sections: Record<string, [Kind, number, number]>;
}

type Kind = 'text' | 'i32' | 'f64' | 'u8';
type Section = { kind: Kind; bytes: Buffer };

export function encodeIndexCache(key: IndexCacheKey, content: IndexCacheContent): Buffer {
  const { snapshot, summaries } = content;
  const { starts, docs, freqs } = snapshot.postings;
  const sections: Record<string, Section> = {
    ...encodeSummaries(summaries),
    copyKeys: text(snapshot.copyKeys.join('\n')),
    terms: text(snapshot.terms.terms.join('\n')),
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
  return layOut(key, sections);
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

function layOut(key: IndexCacheKey, sections: Record<string, Section>): Buffer {
  const layout: Header['sections'] = {};
  let offset = 0;
  for (const [name, section] of Object.entries(sections)) {
    layout[name] = [section.kind, offset, section.bytes.length];
    offset = align(offset + section.bytes.length);
  }
  const body = Buffer.alloc(offset);
  for (const [name, section] of Object.entries(sections)) {
    section.bytes.copy(body, layout[name]?.[1] ?? 0);
  }
  const header: Header = {
    ...key,
    format: INDEX_CACHE_FORMAT,
    engine: ENGINE_VERSION,
    checksum: crc32(body),
    sections: layout,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(8 + headerBytes.length);
  const file = Buffer.alloc(start);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(file, 8);
  return Buffer.concat([file, body]);
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
  if (file.length < 8 || file.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const headerLength = file.readUInt32LE(4);
  if (8 + headerLength > file.length) return undefined;
  const header = JSON.parse(file.toString('utf8', 8, 8 + headerLength)) as Partial<Header>;
  if (
    header.format !== INDEX_CACHE_FORMAT ||
    header.engine !== ENGINE_VERSION ||
    header.root !== key.root ||
    header.followOutsideLinks !== key.followOutsideLinks ||
    typeof header.sections !== 'object' ||
    header.checksum !== crc32(file.subarray(align(8 + headerLength)))
  ) {
    return undefined;
  }
  const reader = new SectionReader(file, align(8 + headerLength), header.sections);
  const summaries = decodeSummaries(reader);
  if (!summaries) return undefined;
  const snapshot: RestoredSnapshot = {
    docs: summaries.map(storedDocRecord),
    copyKeys: splitText(reader.text('copyKeys'), '\n'),
    lengths: Array.from({ length: FIELD_COUNT }, (_, field) => reader.i32(`lengths${field}`)),
    styles: reader.u8('styles'),
    nameRanks: reader.i32('nameRanks'),
    terms: {
      terms: splitText(reader.text('terms'), '\n'),
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
  const sameLength =
    s.copyKeys.length === docs &&
    s.styles.length === docs &&
    s.nameRanks.length === docs &&
    s.lengths.every((lengths) => lengths.length === docs) &&
    s.terms.checks.length === terms &&
    s.terms.indexable.length === terms &&
    s.terms.terms.length === terms &&
    docFreq.length === terms &&
    starts.length === terms + 1 &&
    packed.byteStarts.length === terms + 1 &&
    packed.byteStarts[terms] === packed.bytes.length;
  if (!sameLength || starts[0] !== 0 || packed.byteStarts[0] !== 0) return false;
  return (
    ascending(starts) &&
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

class SectionReader {
  constructor(
    private readonly file: Buffer,
    private readonly start: number,
    private readonly sections: Record<string, [Kind, number, number]>,
  ) {}

  text(name: string): string {
    const [from, to] = this.bounds(name, 'text', 1);
    return this.file.toString('utf8', from, to);
  }

  /** A text section's bytes, not decoded (they are decoded piece by piece, when asked for). */
  bytes(name: string): Buffer {
    const [from, to] = this.bounds(name, 'text', 1);
    return this.file.subarray(from, to);
  }

  f64(name: string): Float64Array {
    const [from, to] = this.bounds(name, 'f64', 8);
    const array = new Float64Array((to - from) / 8);
    new Uint8Array(array.buffer).set(this.file.subarray(from, to));
    return array;
  }

  i32(name: string): Int32Array<ArrayBuffer> {
    const [from, to] = this.bounds(name, 'i32', 4);
    const at = this.file.byteOffset + from;
    // A view when aligned (a file this size has its own buffer): copying 15 MB of postings cost
    // more than reading them. The summaries' bytes stay alive with it, until the next merge.
    if (at % 4 === 0 && this.file.buffer instanceof ArrayBuffer) {
      return new Int32Array(this.file.buffer, at, (to - from) / 4);
    }
    const array = new Int32Array((to - from) / 4);
    new Uint8Array(array.buffer).set(this.file.subarray(from, to));
    return array;
  }

  /** A u8 section in place: the packed postings are only ever read. */
  view(name: string): Uint8Array {
    const [from, to] = this.bounds(name, 'u8', 1);
    return this.file.subarray(from, to);
  }

  u8(name: string): Uint8Array<ArrayBuffer> {
    const [from, to] = this.bounds(name, 'u8', 1);
    return new Uint8Array(this.file.subarray(from, to));
  }

  private bounds(name: string, kind: Kind, unit: number): [number, number] {
    const entry = this.sections[name];
    if (!entry || entry[0] !== kind) throw new Error(`index cache: no ${kind} section ${name}`);
    const [, offset, length] = entry;
    const from = this.start + offset;
    if (
      !Number.isInteger(from) ||
      !Number.isInteger(length) ||
      length % unit !== 0 ||
      offset < 0 ||
      from + length > this.file.length
    ) {
      throw new Error(`index cache: section ${name} out of bounds`);
    }
    return [from, from + length];
  }
}

function text(value: string): Section {
  return { kind: 'text', bytes: Buffer.from(value, 'utf8') };
}

function raw(kind: 'i32' | 'f64' | 'u8', array: Int32Array | Float64Array | Uint8Array): Section {
  return { kind, bytes: Buffer.from(array.buffer, array.byteOffset, array.byteLength) };
}

function align(n: number): number {
  return (n + 7) & ~7;
}
