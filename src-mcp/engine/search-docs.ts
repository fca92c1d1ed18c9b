import { FIELD_COUNT, type FieldIndex } from './search-postings.js';
import { grow } from './search-terms.js';
import type { IndexDoc } from './search.js';

/**
 * Documents by internal id. A changed runbook gets a new id (so posting lists stay sorted and
 * appending is all an update does); old ids become holes until the postings are next merged,
 * which renumbers every document.
 */
export class DocTable {
  private records: Array<IndexDoc | undefined> = [];
  private readonly ids = new Map<string, number>();
  private readonly lengths: Int32Array[] = Array.from(
    { length: FIELD_COUNT },
    () => new Int32Array(1024),
  );
  private readonly totals = new Float64Array(FIELD_COUNT);

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

  get(id: number): IndexDoc | undefined {
    return this.records[id];
  }

  isLive(id: number): boolean {
    return this.records[id] !== undefined;
  }

  names(): IterableIterator<string> {
    return this.ids.keys();
  }

  open(doc: IndexDoc): number {
    const id = this.records.length;
    this.records.push(doc);
    this.ids.set(doc.name, id);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const lengths = this.lengthsOf(field);
      if (id >= lengths.length) this.lengths[field] = grow(lengths);
    }
    return id;
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
    const records: IndexDoc[] = [];
    for (let old = 0; old < this.records.length; old++) {
      const doc = this.records[old];
      if (!doc) continue;
      const id = records.length;
      newIds[old] = id;
      records.push(doc);
      this.ids.set(doc.name, id);
      for (let field = 0; field < FIELD_COUNT; field++) {
        const lengths = this.lengthsOf(field);
        lengths[id] = lengths[old] ?? 0;
      }
    }
    this.records = records;
    return newIds;
  }

  private lengthsOf(field: number): Int32Array {
    const lengths = this.lengths[field];
    if (!lengths) throw new Error(`no field ${field}`);
    return lengths;
  }
}
