/**
 * Runbook summaries as the index cache holds them. A start reads the path, size and mtime of
 * every runbook (the stat pass needs them) and leaves the rest (title, description, tags,
 * variables, problems…) as JSON bytes until a caller wants that runbook: parsing all of it cost
 * a `runbook search` at 10,178 runbooks about 160 ms, to show ten hits.
 */
import { nameFromPath } from './names.js';
import type { RunbookSummary } from './types.js';

/** What the stat pass compares, and what the catalog knows of a runbook without parsing. */
type SummaryKey = Pick<RunbookSummary, 'name' | 'path' | 'size' | 'mtimeMs'>;

/** Everything of a summary but its key: stored as one JSON text per runbook. */
export type SummaryDetails = Omit<RunbookSummary, keyof SummaryKey>;

export function detailsOf(summary: RunbookSummary): SummaryDetails {
  const { name: _name, path: _path, size: _size, mtimeMs: _mtimeMs, ...details } = summary;
  return details;
}

/** The details of many runbooks: one buffer, and where each runbook's JSON starts in it. */
export class DetailTexts {
  constructor(
    private readonly bytes: Buffer,
    /** One more entry than runbooks: runbook `i` is `bytes[starts[i], starts[i + 1])`. */
    private readonly starts: Int32Array,
  ) {}

  get count(): number {
    return this.starts.length - 1;
  }

  text(id: number): string {
    return this.bytes.toString('utf8', this.starts[id] ?? 0, this.starts[id + 1] ?? 0);
  }

  details(id: number): SummaryDetails {
    return JSON.parse(this.text(id)) as SummaryDetails;
  }

  /** Whether the offsets are ascending and inside the bytes (the file's checksum vouches for the JSON). */
  wellFormed(): boolean {
    if (this.starts[0] !== 0 || (this.starts[this.count] ?? -1) > this.bytes.length) return false;
    for (let i = 0; i < this.count; i++)
      if ((this.starts[i + 1] ?? 0) < (this.starts[i] ?? 0)) return false;
    return true;
  }
}

/** A runbook restored from the cache: its key at hand, its details parsed when first asked for. */
export class StoredSummary implements SummaryKey {
  readonly name: string;

  constructor(
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
    private readonly texts: DetailTexts,
    private readonly id: number,
  ) {
    this.name = nameFromPath(path);
  }

  private parsed: SummaryDetails | undefined;

  /** A plain summary, as a scan would have made it. */
  materialize(): RunbookSummary {
    const { name, path, size, mtimeMs } = this;
    return { name, path, ...this.details(), size, mtimeMs };
  }

  /** Parsed once: a hit's search record and the catalog's summary both read it. */
  details(): SummaryDetails {
    return (this.parsed ??= this.texts.details(this.id));
  }

  /** The stored JSON, for writing the cache again without parsing it. */
  detailsText(): string {
    return this.texts.text(this.id);
  }
}

/** The search index's record of a cached runbook: title, description and tags parsed on use. */
export function storedDocRecord(summary: StoredSummary): StoredDocRecord {
  return new StoredDocRecord(summary);
}

class StoredDocRecord {
  constructor(private readonly summary: StoredSummary) {}

  get name(): string {
    return this.summary.name;
  }

  get title(): string {
    return this.summary.details().title;
  }

  get description(): string {
    return this.summary.details().description;
  }

  get tags(): string[] {
    return this.summary.details().tags;
  }
}
