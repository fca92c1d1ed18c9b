import type { RunbookSummary } from '../../src-mcp/engine/types.js';

export interface FolderNode {
  kind: 'folder';
  name: string;
  /** Folder-relative path, `/`-separated. */
  path: string;
  folders: FolderNode[];
  runbooks: RunbookSummary[];
}

/** The folder as a tree of folders and runbooks, both sorted by name. */
export function buildTree(items: readonly RunbookSummary[]): FolderNode {
  const root: FolderNode = { kind: 'folder', name: '', path: '', folders: [], runbooks: [] };
  for (const item of items) {
    const segments = item.name.split('/');
    segments.pop();
    let node = root;
    for (const segment of segments) node = childFolder(node, segment);
    node.runbooks.push(item);
  }
  sortTree(root);
  return root;
}

function childFolder(parent: FolderNode, name: string): FolderNode {
  let child = parent.folders.find((f) => f.name === name);
  if (!child) {
    const path = parent.path ? `${parent.path}/${name}` : name;
    child = { kind: 'folder', name, path, folders: [], runbooks: [] };
    parent.folders.push(child);
  }
  return child;
}

function sortTree(node: FolderNode): void {
  node.folders.sort((a, b) => a.name.localeCompare(b.name));
  node.runbooks.sort((a, b) => a.name.localeCompare(b.name));
  node.folders.forEach(sortTree);
}

/** Runbooks in the order the tree shows them, skipping collapsed folders (for ↑/↓). */
export function visibleRunbooks(node: FolderNode, collapsed: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const folder of node.folders) {
    if (!collapsed.has(folder.path)) names.push(...visibleRunbooks(folder, collapsed));
  }
  names.push(...node.runbooks.map((r) => r.name));
  return names;
}

/** The last segment of a name: what the tree shows. */
export function leafName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

export function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}
