import { describe, expect, it } from 'vitest';
import { buildFolderTree } from '../src-mcp/engine/folder-tree.js';
import { flattenTree } from '../src-renderer/lib/tree.js';
import { buildRunbookTree, type TreeFolder } from './runbook-tree.js';

/** Names that sorted differently before: titles against names, case, numbers, nesting, accents. */
const NAMES = [
  'zeta', // its title sorts first ('A …'), its name last
  'Beta',
  'alpha',
  'step-10',
  'step-2',
  'ops/restart',
  'ops/DB/pg',
  'ops/db2/mysql',
  'Ops-notes/readme',
  'docs/redis/README',
  'éclair',
  'eclair-2',
];
const RUNBOOKS = NAMES.map((name, i) => ({
  name,
  // Titles in the opposite order to the names, so sorting by title would show.
  title: `${String.fromCharCode(90 - i)} ${name}`,
  needsValues: false,
}));

/** The tray's submenus walked top to bottom: a folder's subfolders, then its runbooks. */
function trayOrder(folder: TreeFolder): string[] {
  return [...folder.folders.flatMap(trayOrder), ...folder.runbooks.map((r) => r.name)];
}

/** The sidebar's rows with every folder open, as the app lists the same folder (its briefs). */
function sidebarOrder(): string[] {
  const briefs = RUNBOOKS.map(({ name, title }) => ({ name, title }));
  const rows = flattenTree(buildFolderTree(briefs), new Set());
  return rows.flatMap((row) => (row.kind === 'runbook' ? [row.runbook.name] : []));
}

describe('one folder tree for the tray and the sidebar', () => {
  it('lists the same folder in the same order in both', () => {
    expect(trayOrder(buildRunbookTree(RUNBOOKS))).toEqual(sidebarOrder());
  });

  it('orders by name, naturally, folders first, whatever the titles say', () => {
    const order = sidebarOrder();
    expect(order.indexOf('step-2')).toBeLessThan(order.indexOf('step-10'));
    expect(order.indexOf('alpha')).toBeLessThan(order.indexOf('zeta'));
    expect(order.indexOf('ops/DB/pg')).toBeLessThan(order.indexOf('alpha'));
  });

  it('folds a chain of single folders into one tray label, in the place of its first folder', () => {
    const labels = buildRunbookTree(RUNBOOKS).folders.map((f) => f.label);
    expect(labels).toEqual(
      buildFolderTree(RUNBOOKS).folders.map((f) => (f.name === 'docs' ? 'docs / redis' : f.name)),
    );
  });
});
