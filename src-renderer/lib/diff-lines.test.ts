import { describe, expect, it } from 'vitest';
import { diffRows } from './diff-lines.js';

describe('diffRows', () => {
  const lines = (n: number, prefix = 'line') =>
    Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

  it('marks removed and added lines', () => {
    expect(diffRows('a\nb\nc\n', 'a\nB\nc\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('keeps a short stretch between two changes whole', () => {
    expect(diffRows('a\nx\ny\nb\n', 'A\nx\ny\nB\n').map((r) => r.kind)).toEqual([
      'removed',
      'added',
      'same',
      'same',
      'removed',
      'added',
    ]);
  });

  it('folds long unchanged stretches to three lines of context around a change', () => {
    const before = [...lines(20), 'old', ...lines(20, 'tail')].join('\n');
    const after = [...lines(20), 'new', ...lines(20, 'tail')].join('\n');
    const rows = diffRows(before, after);
    expect(rows[0]).toEqual({ kind: 'gap', text: '17 unchanged lines' });
    expect(rows.filter((r) => r.kind === 'same')).toHaveLength(6);
    expect(rows.at(-1)).toEqual({ kind: 'gap', text: '17 unchanged lines' });
  });

  it('shows only a gap when the texts are equal', () => {
    expect(diffRows(lines(10).join('\n'), lines(10).join('\n'))).toEqual([
      { kind: 'gap', text: '10 unchanged lines' },
    ]);
  });
});
