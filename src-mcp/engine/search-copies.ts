/**
 * Identical copies: runbooks whose title, description, tags and text are all the same (a folder
 * copied 14 times, a runbook kept under two names). Search shows one hit per group of copies
 * and names the others, so ten results are ten different runbooks.
 *
 * A group is found at index time from a hash of the body's term ids, which the scanner has just
 * produced (no second pass over the text), then confirmed by comparing the content itself: two
 * runbooks that merely share a title, or a hash, are never taken for copies.
 */
import type { IndexDoc } from './search.js';

export class CopyGroups {
  /** Hash key → the groups with that key (more than one only when different contents collide). */
  private readonly byKey = new Map<string, number[]>();
  /** Per group: the content of its first member, to compare newcomers with. */
  private samples: Array<IndexDoc | undefined> = [];
  private keys: string[] = [];
  private members = new Int32Array(1024);
  private readonly free: number[] = [];

  /** One past the highest group id: the size scratch arrays need. */
  get capacity(): number {
    return this.samples.length;
  }

  /** Adds `doc` to the group of its copies (a new group if it has none); returns the group. */
  join(doc: IndexDoc, bodyTermsHash: number): number {
    const key = `${bodyTermsHash}:${doc.body.length}:${doc.title.length}`;
    const candidates = this.byKey.get(key) ?? [];
    for (const group of candidates) {
      const sample = this.samples[group];
      if (sample && sameContent(sample, doc)) {
        this.members[group] = (this.members[group] ?? 0) + 1;
        return group;
      }
    }
    const group = this.free.pop() ?? this.samples.length;
    if (group >= this.members.length) {
      const members = new Int32Array(this.members.length * 2);
      members.set(this.members);
      this.members = members;
    }
    this.samples[group] = doc;
    this.keys[group] = key;
    this.members[group] = 1;
    this.byKey.set(key, [...candidates, group]);
    return group;
  }

  /** Takes a member out of `group`; the group is forgotten with its last member. */
  leave(group: number): void {
    const left = (this.members[group] ?? 1) - 1;
    this.members[group] = left;
    if (left > 0) return;
    const key = this.keys[group] ?? '';
    const rest = (this.byKey.get(key) ?? []).filter((g) => g !== group);
    if (rest.length > 0) this.byKey.set(key, rest);
    else this.byKey.delete(key);
    this.samples[group] = undefined;
    this.free.push(group);
  }
}

function sameContent(a: IndexDoc, b: IndexDoc): boolean {
  return (
    a.body === b.body &&
    a.title === b.title &&
    a.description === b.description &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/** A 32-bit hash of a body's term ids, in order: cheap, and only a hint (see `join`). */
export function hashTermIds(ids: ArrayLike<number>, count: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < count; k++) h = Math.imul(h ^ (ids[k] ?? 0), 0x01000193);
  return h;
}
