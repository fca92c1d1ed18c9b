/**
 * The runbook folder as a tree of folders and runbooks, in the one order every face shows it:
 * the sidebar of the app and the tray's submenus. Pure data, no I/O: the renderer may import it.
 */

export interface FolderTree<T extends { name: string }> {
  /** The folder's own name: its last path segment (`''` at the root). */
  name: string;
  /** Folder-relative path, `/`-separated (`''` at the root). */
  path: string;
  /** Subfolders, then runbooks, each in `compareNames` order. */
  folders: FolderTree<T>[];
  runbooks: T[];
}

// Natural order (a9 before a10). A collator compares ten thousand names many times faster than
// String#localeCompare.
const collator = new Intl.Collator(undefined, { numeric: true });

/** The one sort order of names in a tree: natural, so `step-2` comes before `step-10`. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Runbooks by their `/`-separated names, grouped into folders, both sorted by `compareNames`. */
export function buildFolderTree<T extends { name: string }>(items: readonly T[]): FolderTree<T> {
  const root = emptyFolder<T>('', '');
  const folders = new Map<string, FolderTree<T>>([['', root]]);
  for (const item of items) {
    const cut = item.name.lastIndexOf('/');
    folderAt(folders, cut === -1 ? '' : item.name.slice(0, cut)).runbooks.push(item);
  }
  sortFolder(root);
  return root;
}

function emptyFolder<T extends { name: string }>(name: string, path: string): FolderTree<T> {
  return { name, path, folders: [], runbooks: [] };
}

/** The folder at `path`, made (with its parents) on first use: one map lookup per runbook. */
function folderAt<T extends { name: string }>(
  folders: Map<string, FolderTree<T>>,
  path: string,
): FolderTree<T> {
  const known = folders.get(path);
  if (known) return known;
  const cut = path.lastIndexOf('/');
  const parent = folderAt(folders, cut === -1 ? '' : path.slice(0, cut));
  const node = emptyFolder<T>(path.slice(cut + 1), path);
  parent.folders.push(node);
  folders.set(path, node);
  return node;
}

// Runbooks of one folder share its path, so comparing whole names orders them by file name.
function sortFolder<T extends { name: string }>(node: FolderTree<T>): void {
  node.folders.sort((a, b) => compareNames(a.name, b.name));
  node.runbooks.sort((a, b) => compareNames(a.name, b.name));
  node.folders.forEach(sortFolder);
}
