/** The runbook folder as a tree of names, for the tray's nested submenus. Plain data, no Electron. */

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

export function buildRunbookTree(runbooks: readonly TreeRunbook[]): TreeFolder {
  const root: TreeFolder = { label: '', folders: [], runbooks: [] };
  for (const runbook of runbooks) {
    const parts = runbook.name.split('/');
    parts.pop();
    let folder = root;
    for (const part of parts) folder = childFolder(folder, part);
    folder.runbooks.push(runbook);
  }
  return sortTree(foldSingleChains(root));
}

function childFolder(parent: TreeFolder, label: string): TreeFolder {
  const existing = parent.folders.find((folder) => folder.label === label);
  if (existing) return existing;
  const created: TreeFolder = { label, folders: [], runbooks: [] };
  parent.folders.push(created);
  return created;
}

/** `docs/` holding only `redis/` reads better as one submenu `docs / redis` than two clicks. */
function foldSingleChains(folder: TreeFolder): TreeFolder {
  const folders = folder.folders.map((child) => {
    let current = foldSingleChains(child);
    while (current.runbooks.length === 0 && current.folders.length === 1) {
      const only = current.folders[0] as TreeFolder;
      current = { ...only, label: `${current.label} / ${only.label}` };
    }
    return current;
  });
  return { ...folder, folders };
}

const byLabel = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortTree(folder: TreeFolder): TreeFolder {
  return {
    label: folder.label,
    folders: folder.folders.map(sortTree).sort((a, b) => byLabel.compare(a.label, b.label)),
    runbooks: [...folder.runbooks].sort((a, b) => byLabel.compare(a.title, b.title)),
  };
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
