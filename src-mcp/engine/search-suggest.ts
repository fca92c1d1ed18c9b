/**
 * "Did you mean": runbook names close to what was typed. A name is close when its full name or its
 * file name is within a few edits (swapped letters count once), or when it contains what was typed
 * as a path segment or word; search hits fill the rest.
 */
export function closestNames(
  typed: string,
  names: Iterable<string>,
  limit: number,
  searchNames: (query: string) => string[],
): string[] {
  const wanted = normalize(typed);
  if (!wanted || limit <= 0) return [];
  const maxEdits = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  const ranked: Array<{ name: string; distance: number }> = [];
  for (const name of names) {
    const distance = nameDistance(wanted, name.toLowerCase(), maxEdits);
    if (distance !== undefined) ranked.push({ name, distance });
  }
  ranked.sort(
    (a, b) =>
      a.distance - b.distance || a.name.length - b.name.length || a.name.localeCompare(b.name),
  );
  const found = new Set(ranked.slice(0, limit).map((r) => r.name));
  for (const name of searchNames(wanted)) {
    if (found.size >= limit) break;
    found.add(name);
  }
  return [...found];
}

function normalize(typed: string): string {
  return typed
    .trim()
    .replace(/\\/g, '/')
    .replace(/\.(md|markdown|txt)$/i, '')
    .replace(/^\.?\/+/, '')
    .toLowerCase();
}

/** Edits to the full name or to its last segment; a contained segment or word counts as 1.5. */
function nameDistance(wanted: string, name: string, maxEdits: number): number | undefined {
  const last = name.slice(name.lastIndexOf('/') + 1);
  const edits = Math.min(
    editDistance(wanted, name, maxEdits),
    editDistance(wanted, last, maxEdits),
  );
  if (edits <= maxEdits) return edits;
  const words = name.split(/[^\p{L}\p{N}]+/u);
  if (name.includes(`/${wanted}/`) || name.startsWith(`${wanted}/`) || words.includes(wanted))
    return 1.5;
  return undefined;
}

/** Optimal-string-alignment distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}
