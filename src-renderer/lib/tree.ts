import type { RunbookBrief } from '../../src-mcp/api/contract.js';
import { compareNames, type FolderTree } from '../../src-mcp/engine/folder-tree.js';

/** A folder of the sidebar: the shared folder tree, so the tray lists the same folder alike. */
export type FolderNode = FolderTree<RunbookBrief>;

/** One line of the sidebar: a folder heading or a runbook, at its depth in the tree. */
export type TreeRow =
  | { kind: 'folder'; folder: FolderNode; depth: number; open: boolean }
  | { kind: 'runbook'; runbook: RunbookBrief; depth: number; position: number };

/**
 * The rows the sidebar shows, top to bottom: folders first, then runbooks, skipping collapsed
 * folders. `position` counts runbooks only (1-based), for screen readers' "3 of 10,178".
 */
export function flattenTree(root: FolderNode, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  let position = 0;
  const walk = (node: FolderNode, depth: number): void => {
    for (const folder of node.folders) {
      const open = !collapsed.has(folder.path);
      rows.push({ kind: 'folder', folder, depth, open });
      if (open) walk(folder, depth + 1);
    }
    for (const runbook of node.runbooks) {
      rows.push({ kind: 'runbook', runbook, depth, position: ++position });
    }
  };
  walk(root, 0);
  return rows;
}

/** Every folder's path below `root`, parents first. */
export function folderPaths(root: FolderNode): string[] {
  return root.folders.flatMap((folder) => [folder.path, ...folderPaths(folder)]);
}

/** The file name the tree shows under a runbook's title. */
export function fileName(runbook: RunbookBrief): string {
  return `${leafName(runbook.name)}${runbook.ext ?? '.md'}`;
}

/** The last segment of a name: what the tree shows. */
export function leafName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

export function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareNames);
}

export function indexByName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/** `more` after `shown`, leaving out any name already in `shown`. */
export function appendNew<T extends { name: string }>(
  shown: readonly T[],
  more: readonly T[],
): T[] {
  const known = new Set(shown.map((item) => item.name));
  return [...shown, ...more.filter((item) => !known.has(item.name))];
}
