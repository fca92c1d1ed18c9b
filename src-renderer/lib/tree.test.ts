import { describe, expect, it } from 'vitest';
import type { RunbookBrief } from '../../src-mcp/api/contract.js';
import { buildFolderTree } from '../../src-mcp/engine/folder-tree.js';
import { appendNew, fileName, flattenTree } from './tree.js';

const brief = (name: string, ext?: string): RunbookBrief => ({ name, title: name, ext });
const ITEMS = ['ops/b', 'ops/deep/x', 'readme', 'ops/a10', 'ops/a9', 'alpha/z'].map((n) =>
  brief(n),
);

/** A row as one readable line: `▸ ops` for a folder, `  ops/a9 #2` for a runbook. */
function lines(collapsed: string[] = []): string[] {
  return flattenTree(buildFolderTree(ITEMS), new Set(collapsed)).map((row) =>
    row.kind === 'folder'
      ? `${'  '.repeat(row.depth)}${row.open ? '▾' : '▸'} ${row.folder.name}`
      : `${'  '.repeat(row.depth)}${row.runbook.name} #${row.position}`,
  );
}

describe('flattenTree', () => {
  it('lists folders before runbooks, names in natural order (a9 before a10)', () => {
    expect(lines()).toEqual([
      '▾ alpha',
      '  alpha/z #1',
      '▾ ops',
      '  ▾ deep',
      '    ops/deep/x #2',
      '  ops/a9 #3',
      '  ops/a10 #4',
      '  ops/b #5',
      'readme #6',
    ]);
  });

  it('skips what a collapsed folder holds, and counts only the runbooks shown', () => {
    expect(lines(['ops'])).toEqual(['▾ alpha', '  alpha/z #1', '▸ ops', 'readme #2']);
  });

  it('keeps a collapsed inner folder as a row', () => {
    expect(lines(['ops/deep'])).toContain('  ▸ deep');
    expect(lines(['ops/deep'])).not.toContain('    ops/deep/x #2');
  });
});

describe('fileName', () => {
  it.each([
    [brief('ops/deploy'), 'deploy.md', 'no ext: the usual .md'],
    [brief('notes', '.txt'), 'notes.txt', 'another extension is named'],
  ])('%o is shown as %s (%s)', (item, shown) => {
    expect(fileName(item)).toBe(shown);
  });
});

describe('appendNew', () => {
  it('adds the next page without repeating a name already shown', () => {
    const shown = [brief('a'), brief('b')];
    expect(appendNew(shown, [brief('b'), brief('c')]).map((i) => i.name)).toEqual(['a', 'b', 'c']);
  });
});
