/**
 * The index cache file's frame: `RBIX`, a u32 header length, a JSON header (the caller's fields,
 * a CRC-32 of the body and where each section lies), then the sections, each 8-byte aligned.
 * Typed arrays are stored raw, little-endian, as every platform we ship on.
 */
import { crc32 } from 'node:zlib';

const MAGIC = 'RBIX';

type Kind = 'text' | 'i32' | 'f64' | 'u8';
export type Section = { kind: Kind; bytes: Buffer };

interface Frame {
  /** CRC-32 of every byte after the header: the lazily read parts are then known to be intact. */
  checksum: number;
  /** name → [kind, offset, length in bytes] */
  sections: Record<string, [Kind, number, number]>;
}

export function text(value: string): Section {
  return { kind: 'text', bytes: Buffer.from(value, 'utf8') };
}

export function raw(
  kind: 'i32' | 'f64' | 'u8',
  array: Int32Array | Float64Array | Uint8Array,
): Section {
  return { kind, bytes: Buffer.from(array.buffer, array.byteOffset, array.byteLength) };
}

export function layOut(fields: object, sections: Record<string, Section>): Buffer {
  const layout: Frame['sections'] = {};
  let offset = 0;
  for (const [name, section] of Object.entries(sections)) {
    layout[name] = [section.kind, offset, section.bytes.length];
    offset = align(offset + section.bytes.length);
  }
  const body = Buffer.alloc(offset);
  for (const [name, section] of Object.entries(sections)) {
    section.bytes.copy(body, layout[name]?.[1] ?? 0);
  }
  const header: Frame = { ...fields, checksum: crc32(body), sections: layout };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(8 + headerBytes.length);
  const file = Buffer.alloc(start);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(file, 8);
  return Buffer.concat([file, body]);
}

/** The header and a reader of the sections; undefined when the frame or its checksum is wrong. */
export function openSections<Fields>(
  file: Buffer,
): { header: Partial<Fields>; reader: SectionReader } | undefined {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const headerLength = file.readUInt32LE(4);
  if (8 + headerLength > file.length) return undefined;
  const header = JSON.parse(file.toString('utf8', 8, 8 + headerLength)) as Partial<Frame & Fields>;
  const start = align(8 + headerLength);
  if (typeof header.sections !== 'object' || header.checksum !== crc32(file.subarray(start)))
    return undefined;
  return { header, reader: new SectionReader(file, start, header.sections) };
}

export class SectionReader {
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

function align(n: number): number {
  return (n + 7) & ~7;
}
