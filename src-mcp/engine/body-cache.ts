import { lstatSync } from 'node:fs';

/** Text kept at most (UTF-16 code units): a few hundred typical runbooks. */
const MAX_CHARS = 2 * 1024 * 1024;

interface Entry {
  size: number;
  mtimeMs: number;
  body: string;
}

/**
 * The bodies of the runbooks that recent searches showed, so that typing a query letter by letter
 * does not read and parse the same ten files at every key. An entry holds while the file's own
 * `lstat` still shows the size and mtime it was read at: an edit, a removal or a link put in its
 * place means a fresh read, with the folder-boundary check that goes with it (a link is always
 * read afresh). Least recently used out first.
 */
export class BodyCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  /** The body of the file at `absPath`, from memory when unchanged, else from `read`. */
  get(absPath: string, read: () => string | undefined): string | undefined {
    const stat = lstatSync(absPath, { throwIfNoEntry: false });
    const known = this.entries.get(absPath);
    if (known) this.drop(absPath, known);
    if (!stat) return undefined;
    // A link is read every time, through the boundary check (its target may move).
    if (!stat.isFile()) return read();
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      this.keep(absPath, known);
      return known.body;
    }
    const body = read();
    if (body !== undefined) this.keep(absPath, { size: stat.size, mtimeMs: stat.mtimeMs, body });
    return body;
  }

  private keep(absPath: string, entry: Entry): void {
    if (entry.body.length > MAX_CHARS / 4) return;
    this.entries.set(absPath, entry);
    this.chars += entry.body.length;
    for (const [oldest, old] of this.entries) {
      if (this.chars <= MAX_CHARS) break;
      this.drop(oldest, old);
    }
  }

  private drop(absPath: string, entry: Entry): void {
    this.entries.delete(absPath);
    this.chars -= entry.body.length;
  }
}
