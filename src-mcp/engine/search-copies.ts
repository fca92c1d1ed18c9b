/**
 * Identical copies: runbooks whose title, description, tags and text are all the same (a folder
 * copied 14 times, a runbook kept under two names). Search shows one hit per group of copies
 * and names the others, so ten results are ten different runbooks.
 *
 * A group is found at index time from a SHA-1 of the content (`contentKey`), so no body has to
 * stay in memory to compare newcomers with, and the key can be stored in the index cache. Two
 * runbooks that merely share a title are never taken for copies.
 */
import { nodeCrypto } from './lazy-crypto.js';

export interface CopyContent {
  title: string;
  description: string;
  tags: readonly string[];
  body: string;
}

/** The key of a runbook's content: equal keys mean identical title, description, tags and text. */
export function contentKey(doc: CopyContent): string {
  const hash = nodeCrypto().createHash('sha1');
  // Lengths first, so no two different splits of the same characters hash alike.
  const parts = [doc.title, doc.description, ...doc.tags, doc.body];
  hash.update(`${doc.tags.length}:${parts.map((p) => p.length).join(',')}\n`);
  for (const part of parts) hash.update(part);
  return hash.digest('base64');
}

export class CopyGroups {
  private readonly byKey = new Map<string, number>();
  private keys: Array<string | undefined> = [];
  private members = new Int32Array(1024);
  private readonly free: number[] = [];

  /** One past the highest group id: the size scratch arrays need. */
  get capacity(): number {
    return this.keys.length;
  }

  /** The content key of `group` (what the index cache stores per document). */
  keyOf(group: number): string {
    return this.keys[group] ?? '';
  }

  /** Adds a document to the group of its copies (a new group if it has none); returns the group. */
  join(key: string): number {
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.members[known] = (this.members[known] ?? 0) + 1;
      return known;
    }
    const group = this.free.pop() ?? this.keys.length;
    if (group >= this.members.length) {
      const members = new Int32Array(this.members.length * 2);
      members.set(this.members);
      this.members = members;
    }
    this.keys[group] = key;
    this.members[group] = 1;
    this.byKey.set(key, group);
    return group;
  }

  /** Takes a member out of `group`; the group is forgotten with its last member. */
  leave(group: number): void {
    const left = (this.members[group] ?? 1) - 1;
    this.members[group] = left;
    if (left > 0) return;
    const key = this.keys[group];
    if (key !== undefined) this.byKey.delete(key);
    this.keys[group] = undefined;
    this.free.push(group);
  }
}
