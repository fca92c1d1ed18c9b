import { diffArrays } from 'diff';

/** Lines `base[baseStart, baseEnd)` became `other[otherStart, otherEnd)`. */
interface Hunk {
  baseStart: number;
  baseEnd: number;
  otherStart: number;
  otherEnd: number;
  side: 'ours' | 'theirs';
}

/**
 * A three-way line merge where `ours` only reformats `base` and `theirs` changes its content:
 * a line that `theirs` left alone keeps `ours`' bytes. Where both changed the same lines, `theirs`
 * wins (its content is the point of the edit). Used to keep a user's YAML formatting (spacing,
 * quoting, flow lists) on every line the front matter form did not change.
 */
export function mergeLines(base: string[], ours: string[], theirs: string[]): string[] {
  const all = [...hunks(base, ours, 'ours'), ...hunks(base, theirs, 'theirs')].sort(
    (a, b) => a.baseStart - b.baseStart || a.baseEnd - b.baseEnd,
  );
  const merged: string[] = [];
  let position = 0;
  for (let i = 0; i < all.length;) {
    const start = all[i]!.baseStart;
    let end = all[i]!.baseEnd;
    const region: Hunk[] = [];
    // Overlapping hunks form one region, decided as a whole. Hunks side by side stay apart.
    while (i < all.length && overlaps(all[i]!, start, end)) {
      end = Math.max(end, all[i]!.baseEnd);
      region.push(all[i]!);
      i++;
    }
    merged.push(...base.slice(position, start));
    const side = region.some((h) => h.side === 'theirs') ? 'theirs' : 'ours';
    merged.push(...linesOf(side === 'theirs' ? theirs : ours, region, side, start, end));
    position = end;
  }
  merged.push(...base.slice(position));
  return merged;
}

function overlaps(hunk: Hunk, start: number, end: number): boolean {
  if (hunk.baseStart < end) return true;
  // Two insertions at one point: which goes first would be a guess.
  return hunk.baseStart === end && start === end && hunk.baseStart === hunk.baseEnd;
}

/** The side's lines for base lines [start, end), from the side's first and last hunk there. */
function linesOf(
  lines: string[],
  region: Hunk[],
  side: Hunk['side'],
  start: number,
  end: number,
): string[] {
  const own = region.filter((h) => h.side === side);
  const first = own[0]!;
  const last = own[own.length - 1]!;
  return lines.slice(
    first.otherStart - (first.baseStart - start),
    last.otherEnd + (end - last.baseEnd),
  );
}

function hunks(base: string[], other: string[], side: Hunk['side']): Hunk[] {
  const found: Hunk[] = [];
  let b = 0;
  let o = 0;
  for (const part of diffArrays(base, other)) {
    const count = part.value.length;
    if (!part.added && !part.removed) {
      b += count;
      o += count;
      continue;
    }
    const previous = found[found.length - 1];
    const hunk =
      previous && previous.baseEnd === b && previous.otherEnd === o
        ? previous
        : { baseStart: b, baseEnd: b, otherStart: o, otherEnd: o, side };
    if (hunk !== previous) found.push(hunk);
    if (part.added) o += count;
    else b += count;
    hunk.baseEnd = b;
    hunk.otherEnd = o;
  }
  return found;
}

/** "a\nb\n" → ["a\n", "b\n"]: each line keeps its ending, so joining gives the text back. */
export function splitLinesKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
