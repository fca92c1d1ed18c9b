import type { RunbookBrief } from '../../src-mcp/api/contract.js';

export interface FolderNode {
  kind: 'folder';
  name: string;
  /** Folder-relative path, `/`-separated. */
  path: string;
  folders: FolderNode[];
  runbooks: RunbookBrief[];
}

/** One line of the sidebar: a folder heading or a runbook, at its depth in the tree. */
export type TreeRow =
  | { kind: 'folder'; folder: FolderNode; depth: number; open: boolean }
  | { kind: 'runbook'; runbook: RunbookBrief; depth: number; position: number };

// A collator compares ten thousand names many times faster than String#localeCompare.
const byName = new Intl.Collator(undefined, { numeric: true }).compare;

/** The folder as a tree of folders and runbooks, both sorted by name. */
export function buildTree(items: readonly RunbookBrief[]): FolderNode {
  const root = folderNode('', '');
  const folders = new Map<string, FolderNode>([['', root]]);
  for (const item of items) {
    const cut = item.name.lastIndexOf('/');
    folderAt(folders, cut === -1 ? '' : item.name.slice(0, cut)).runbooks.push(item);
  }
  sortTree(root);
  return root;
}

function folderNode(name: string, path: string): FolderNode {
  return { kind: 'folder', name, path, folders: [], runbooks: [] };
}

/** The folder at `path`, made (with its parents) on first use: one map lookup per runbook. */
function folderAt(folders: Map<string, FolderNode>, path: string): FolderNode {
  const known = folders.get(path);
  if (known) return known;
  const cut = path.lastIndexOf('/');
  const parent = folderAt(folders, cut === -1 ? '' : path.slice(0, cut));
  const node = folderNode(path.slice(cut + 1), path);
  parent.folders.push(node);
  folders.set(path, node);
  return node;
}

function sortTree(node: FolderNode): void {
  node.folders.sort((a, b) => byName(a.name, b.name));
  node.runbooks.sort((a, b) => byName(a.name, b.name));
  node.folders.forEach(sortTree);
}

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
  return [...new Set(values)].sort(byName);
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
