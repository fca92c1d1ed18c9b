/** The runbook folder as a tree of names, for the tray's nested submenus. Plain data, no Electron. */
import { buildFolderTree, type FolderTree } from '../src-mcp/engine/folder-tree.js';

export interface TreeRunbook {
  name: string;
  title: string;
  /** True when rendering needs values the user has not given (the fill window opens). */
  needsValues: boolean;
}

export interface TreeFolder {
  /** Shown label: one folder name, or `a / b` when single-child folders are folded together. */
  label: string;
  folders: TreeFolder[];
  runbooks: TreeRunbook[];
}

/** The shared folder tree (the sidebar's order), with single-child folder chains folded. */
export function buildRunbookTree(runbooks: readonly TreeRunbook[]): TreeFolder {
  return foldSingleChains(buildFolderTree(runbooks));
}

/** `docs/` holding only `redis/` reads better as one submenu `docs / redis` than two clicks. */
function foldSingleChains(folder: FolderTree<TreeRunbook>): TreeFolder {
  let current = folder;
  let label = folder.name;
  // Never at the root: its label is not shown, and its runbooks' submenu is the menu itself.
  while (current.path !== '' && current.runbooks.length === 0 && current.folders.length === 1) {
    current = current.folders[0] as FolderTree<TreeRunbook>;
    label = `${label} / ${current.name}`;
  }
  return { label, folders: current.folders.map(foldSingleChains), runbooks: current.runbooks };
}

/** The tray's view of an engine summary. Any variable opens the fill window: never guess values. */
export function toTreeRunbook(summary: {
  name: string;
  title: string;
  variables: readonly unknown[];
}): TreeRunbook {
  const base = summary.name.split('/').pop() ?? summary.name;
  return {
    name: summary.name,
    title: summary.title.trim() || base,
    needsValues: summary.variables.length > 0,
  };
}
