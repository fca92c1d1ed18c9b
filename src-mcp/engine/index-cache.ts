/**
 * The index cache's format: the catalog's summaries and the search index's arrays, so a start
 * with an unchanged folder reads one file instead of every runbook.
 *
 * Layout: `RBIX`, a u32 header length, a JSON header (format, engine version, folder, options,
 * sections), then each section 8-byte aligned: the summaries as one JSON text, the terms as one
 * `\n`-joined text, and the typed arrays raw (little-endian, as every platform we ship on). Raw
 * arrays load in a copy; JSON arrays of numbers were 5–10× slower to parse at 10,178 runbooks.
 *
 * Whatever does not check out (magic, versions, folder, options, section bounds, the arrays'
 * shape) is `undefined`: the caller rebuilds. There is no checksum over the whole file (hashing
 * 30 MB took 40 ms, a tenth of the budget); the file is only ever replaced whole (atomic rename),
 * and the shape checks catch truncation and foreign bytes.
 */
import { appVersion } from './app-version.js';
import { FIELD_COUNT } from './search-postings.js';
import type { SearchSnapshot } from './search.js';
import type { RunbookSummary } from './types.js';

/** Bump when what is stored, or how text is tokenized or parsed, changes. */
export const INDEX_CACHE_FORMAT = 1;
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
  summaries: RunbookSummary[];
  snapshot: SearchSnapshot;
}

interface Header extends IndexCacheKey {
  format: number;
  engine: string;
  /** name → [kind, offset, length in bytes] */
  sections: Record<string, [Kind, number, number]>;
}

type Kind = 'json' | 'text' | 'i32' | 'u8';
type Section = { kind: Kind; bytes: Buffer };

export function encodeIndexCache(key: IndexCacheKey, content: IndexCacheContent): Buffer {
  const { snapshot } = content;
  const sections: Record<string, Section> = {
    summaries: json({ summaries: content.summaries, copyKeys: snapshot.copyKeys }),
    terms: { kind: 'text', bytes: Buffer.from(snapshot.terms.terms.join('\n'), 'utf8') },
    hashes: raw('i32', snapshot.terms.hashes),
    checks: raw('i32', snapshot.terms.checks),
    indexable: raw('u8', snapshot.terms.indexable),
    sorted: raw('i32', snapshot.terms.sorted),
    starts: raw('i32', snapshot.postings.starts),
    docs: raw('i32', snapshot.postings.docs),
    freqs: raw('i32', snapshot.postings.freqs),
    docFreq: raw('i32', snapshot.postings.docFreq),
    styles: raw('u8', snapshot.styles),
  };
  snapshot.lengths.forEach((lengths, field) => (sections[`lengths${field}`] = raw('i32', lengths)));
  const layout: Header['sections'] = {};
  let offset = 0;
  for (const [name, section] of Object.entries(sections)) {
    layout[name] = [section.kind, offset, section.bytes.length];
    offset = align(offset + section.bytes.length);
  }
  const header: Header = {
    ...key,
    format: INDEX_CACHE_FORMAT,
    engine: ENGINE_VERSION,
    sections: layout,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(8 + headerBytes.length);
  const file = Buffer.alloc(start + offset);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(file, 8);
  for (const [name, section] of Object.entries(sections)) {
    section.bytes.copy(file, start + (layout[name]?.[1] ?? 0));
  }
  return file;
}

/** The content, or undefined when the bytes are not a cache of this folder in this format. */
export function decodeIndexCache(file: Buffer, key: IndexCacheKey): IndexCacheContent | undefined {
  try {
    return decode(file, key);
  } catch {
    return undefined;
  }
}

function decode(file: Buffer, key: IndexCacheKey): IndexCacheContent | undefined {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const headerLength = file.readUInt32LE(4);
  if (8 + headerLength > file.length) return undefined;
  const header = JSON.parse(file.toString('utf8', 8, 8 + headerLength)) as Partial<Header>;
  if (
    header.format !== INDEX_CACHE_FORMAT ||
    header.engine !== ENGINE_VERSION ||
    header.root !== key.root ||
    header.followOutsideLinks !== key.followOutsideLinks ||
    typeof header.sections !== 'object'
  ) {
    return undefined;
  }
  const reader = new SectionReader(file, align(8 + headerLength), header.sections);
  const stored = JSON.parse(reader.text('summaries', 'json')) as {
    summaries: RunbookSummary[];
    copyKeys: string[];
  };
  const snapshot: SearchSnapshot = {
    docs: stored.summaries.map(({ name, title, description, tags }) => ({
      name,
      title,
      description,
      tags,
    })),
    copyKeys: stored.copyKeys,
    lengths: Array.from({ length: FIELD_COUNT }, (_, field) => reader.i32(`lengths${field}`)),
    styles: reader.u8('styles'),
    terms: {
      terms: splitTerms(reader.text('terms', 'text')),
      hashes: reader.i32('hashes'),
      checks: reader.i32('checks'),
      indexable: reader.u8('indexable'),
      sorted: reader.i32('sorted'),
    },
    postings: {
      starts: reader.i32('starts'),
      docs: reader.i32('docs'),
      freqs: reader.i32('freqs'),
      docFreq: reader.i32('docFreq'),
    },
  };
  return wellFormed(snapshot, stored.summaries)
    ? { summaries: stored.summaries, snapshot }
    : undefined;
}

/** Checks every id points where it may, so a damaged file cannot make a search throw or lie. */
function wellFormed(s: SearchSnapshot, summaries: RunbookSummary[]): boolean {
  const docs = summaries.length;
  const terms = s.terms.hashes.length;
  const { starts, docs: postingDocs, freqs, docFreq } = s.postings;
  const sameLength =
    Array.isArray(summaries) &&
    s.copyKeys.length === docs &&
    s.styles.length === docs &&
    s.lengths.every((lengths) => lengths.length === docs) &&
    s.terms.checks.length === terms &&
    s.terms.indexable.length === terms &&
    s.terms.terms.length === terms &&
    docFreq.length === terms &&
    starts.length === terms + 1 &&
    postingDocs.length === freqs.length &&
    starts[terms] === postingDocs.length &&
    summaries.every(
      (summary) => typeof summary?.name === 'string' && typeof summary.path === 'string',
    );
  if (!sameLength || starts[0] !== 0) return false;
  return ascending(starts) && allBelow(postingDocs, docs) && allBelow(s.terms.sorted, terms);
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

function splitTerms(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

class SectionReader {
  constructor(
    private readonly file: Buffer,
    private readonly start: number,
    private readonly sections: Record<string, [Kind, number, number]>,
  ) {}

  text(name: string, kind: 'json' | 'text'): string {
    const [from, to] = this.bounds(name, kind, 1);
    return this.file.toString('utf8', from, to);
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

function json(value: unknown): Section {
  return { kind: 'json', bytes: Buffer.from(JSON.stringify(value), 'utf8') };
}

function raw(kind: 'i32' | 'u8', array: Int32Array | Uint8Array): Section {
  return { kind, bytes: Buffer.from(array.buffer, array.byteOffset, array.byteLength) };
}

function align(n: number): number {
  return (n + 7) & ~7;
}
