import { diffLines } from 'diff';

export interface DiffRow {
  kind: 'same' | 'removed' | 'added' | 'gap';
  text: string;
}

const CONTEXT = 3;

/** Line diff rows of `before` → `after`, long unchanged stretches folded to a few lines of context. */
export function diffRows(before: string, after: string): DiffRow[] {
  const parts = diffLines(before, after);
  return parts.flatMap((part, index) => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added) return lines.map((text) => ({ kind: 'added', text }) as DiffRow);
    if (part.removed) return lines.map((text) => ({ kind: 'removed', text }) as DiffRow);
    return foldContext(lines, index === 0, index === parts.length - 1);
  });
}

/** Keeps the lines next to a change: the end of a leading stretch, the start of a trailing one. */
function foldContext(lines: string[], first: boolean, last: boolean): DiffRow[] {
  const same = (text: string): DiffRow => ({ kind: 'same', text });
  const gap = (count: number): DiffRow => ({ kind: 'gap', text: `${count} unchanged lines` });
  const keep = (first ? 0 : CONTEXT) + (last ? 0 : CONTEXT);
  if (lines.length <= keep + 1) return lines.map(same);
  const head = first ? [] : lines.slice(0, CONTEXT).map(same);
  const tail = last ? [] : lines.slice(-CONTEXT).map(same);
  return [...head, gap(lines.length - head.length - tail.length), ...tail];
}
