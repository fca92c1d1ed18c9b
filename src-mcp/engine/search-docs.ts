import { ACCENT_STYLES, type AccentStyle } from './search-fold.js';
import { FIELD_COUNT, type FieldIndex } from './search-fields.js';
import { grow } from './search-terms.js';

/** What the table keeps of a document: what a hit shows. The body is not kept (see search.ts). */
export interface DocRecord {
  name: string;
  title: string;
  description: string;
  tags: string[];
  /** Only for an index without a body source (tests, small tools): snippets come from here. */
  body?: string;
}

/** The table's typed arrays as the index cache stores them (ids 0…live-1, no holes). */
export interface DocTableSnapshot {
  records: DocRecord[];
  lengths: Int32Array[];
  styles: Uint8Array;
}

/**
 * Documents by internal id. A changed runbook gets a new id (so posting lists stay sorted and
 * appending is all an update does); old ids become holes until the postings are next merged,
 * which renumbers every document.
 */
export class DocTable {
  private records: Array<DocRecord | undefined> = [];
  private readonly ids = new Map<string, number>();
  private lengths: Int32Array[] = Array.from({ length: FIELD_COUNT }, () => new Int32Array(1024));
  private readonly totals = new Float64Array(FIELD_COUNT);
  /** Per document: its group of identical copies (see search-copies.ts). */
  private groups = new Int32Array(1024);
  /** Per document: how its body spells accents, for snippets (an `AccentStyle` index). */
  private styles = new Uint8Array(1024);

  get live(): number {
    return this.ids.size;
  }

  /** One past the highest id in use: the size scratch arrays need. */
  get capacity(): number {
    return this.records.length;
  }

  idOf(name: string): number | undefined {
    return this.ids.get(name);
  }

  get(id: number): DocRecord | undefined {
    return this.records[id];
  }

  isLive(id: number): boolean {
    return this.records[id] !== undefined;
  }

  names(): IterableIterator<string> {
    return this.ids.keys();
  }

  open(doc: DocRecord): number {
    const id = this.records.length;
    this.records.push(doc);
    this.ids.set(doc.name, id);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const lengths = this.lengthsOf(field);
      if (id >= lengths.length) this.lengths[field] = grow(lengths);
    }
    if (id >= this.groups.length) this.groups = grow(this.groups);
    if (id >= this.styles.length) {
      const styles = new Uint8Array(this.styles.length * 2);
      styles.set(this.styles);
      this.styles = styles;
    }
    return id;
  }

  group(id: number): number {
    return this.groups[id] ?? 0;
  }

  /** The group of every document, by id: read it, never write it. */
  groupIds(): Int32Array {
    return this.groups;
  }

  setGroup(id: number, group: number): void {
    this.groups[id] = group;
  }

  accentStyle(id: number): AccentStyle {
    return ACCENT_STYLES[this.styles[id] ?? 0] ?? 'plain';
  }

  setAccentStyle(id: number, style: AccentStyle): void {
    this.styles[id] = ACCENT_STYLES.indexOf(style);
  }

  /** Token counts per field, known once the document has been tokenized. */
  setLengths(id: number, fieldLengths: readonly number[]): void {
    for (let field = 0; field < FIELD_COUNT; field++) {
      const length = fieldLengths[field] ?? 0;
      this.lengthsOf(field)[id] = length;
      this.totals[field] = (this.totals[field] ?? 0) + length;
    }
  }

  close(id: number): void {
    const doc = this.records[id];
    if (!doc) return;
    this.records[id] = undefined;
    this.ids.delete(doc.name);
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.totals[field] = (this.totals[field] ?? 0) - (this.lengthsOf(field)[id] ?? 0);
    }
  }

  length(id: number, field: FieldIndex): number {
    return this.lengthsOf(field)[id] ?? 0;
  }

  averageLength(field: FieldIndex): number {
    return this.live === 0 ? 1 : Math.max(1, (this.totals[field] ?? 0) / this.live);
  }

  /** Gives the live documents ids 0…live-1, in their order; returns `newIds[old]` (-1: gone). */
  renumber(): Int32Array {
    const newIds = new Int32Array(this.records.length).fill(-1);
    const records: DocRecord[] = [];
    for (let old = 0; old < this.records.length; old++) {
      const doc = this.records[old];
      if (!doc) continue;
      const id = records.length;
      newIds[old] = id;
      records.push(doc);
      this.ids.set(doc.name, id);
      this.groups[id] = this.groups[old] ?? 0;
      this.styles[id] = this.styles[old] ?? 0;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const lengths = this.lengthsOf(field);
        lengths[id] = lengths[old] ?? 0;
      }
    }
    this.records = records;
    return newIds;
  }

  /** The live documents, renumbered first; the arrays are copies sized to them. */
  snapshot(): DocTableSnapshot {
    this.renumber();
    const n = this.records.length;
    return {
      records: this.records.filter((r): r is DocRecord => r !== undefined),
      lengths: this.lengths.map((lengths) => lengths.slice(0, n)),
      styles: this.styles.slice(0, n),
    };
  }

  /** Fills an empty table from a snapshot (the index cache). */
  restore(snapshot: DocTableSnapshot): void {
    const n = snapshot.records.length;
    const capacity = Math.max(1024, n * 2);
    this.records = [...snapshot.records];
    this.ids.clear();
    snapshot.records.forEach((record, id) => this.ids.set(record.name, id));
    for (let field = 0; field < FIELD_COUNT; field++) {
      const lengths = new Int32Array(capacity);
      const stored = snapshot.lengths[field] ?? new Int32Array(0);
      lengths.set(stored.subarray(0, n));
      this.lengths[field] = lengths;
      this.totals[field] = stored.subarray(0, n).reduce((sum, length) => sum + length, 0);
    }
    // The groups are given again by the index, which rebuilds its copy groups from their keys.
    this.groups = new Int32Array(capacity);
    this.styles = new Uint8Array(capacity);
    this.styles.set(snapshot.styles.subarray(0, n));
  }

  private lengthsOf(field: number): Int32Array {
    const lengths = this.lengths[field];
    if (!lengths) throw new Error(`no field ${field}`);
    return lengths;
  }
}
