/**
 * The tray menu as plain data (Electron's MenuItemConstructorOptions), built from the app's state.
 * No Electron at run time: tray.ts turns the template into a Menu; tests click the items directly.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { SessionFolderState } from '../src-mcp/api/session.js';
import { RECENT_LIMIT } from './recent.js';
import { buildRunbookTree, type TreeFolder, type TreeRunbook } from './runbook-tree.js';

/** Native menus do not scroll well; past this a submenu sends the user to the picker. */
export const MAX_SUBMENU_ITEMS = 30;

/** The session's state, plus `loading` while the tray waits for the first list. */
type FolderState = SessionFolderState | { kind: 'loading' };

export interface TrayMenuState {
  folder: string;
  folderState: FolderState;
  runbooks: readonly TreeRunbook[];
  /** Names, newest first. */
  recent: readonly string[];
  pinned: readonly string[];
  /** Electron accelerator of the quick picker, shown beside its item. */
  shortcut?: string;
  launchAtLogin: boolean;
}

export interface TrayActions {
  chooseRunbook(name: string): void;
  openPicker(): void;
  openApp(): void;
  openFolder(): void;
  chooseFolder(): void;
  pin(name: string): void;
  unpin(name: string): void;
  connectClaude(): void;
  setLaunchAtLogin(enabled: boolean): void;
  quit(): void;
}

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

export function buildTrayMenu(state: TrayMenuState, actions: TrayActions): Item[] {
  return [
    ...folderSection(state, actions),
    separator,
    {
      label: 'Quick Picker…',
      click: () => actions.openPicker(),
      ...(state.shortcut ? { accelerator: state.shortcut, registerAccelerator: false } : {}),
    },
    { label: 'Open Runbook Companion', click: () => actions.openApp() },
    { label: 'Open Runbook Folder', click: () => actions.openFolder() },
    { label: 'Change Runbook Folder…', click: () => actions.chooseFolder() },
    { label: 'Connect to Claude Desktop…', click: () => actions.connectClaude() },
    separator,
    {
      label: 'Launch at Login',
      type: 'checkbox',
      checked: state.launchAtLogin,
      click: (item) => actions.setLaunchAtLogin(item.checked),
    },
    { label: 'Quit Runbook Companion', click: () => actions.quit() },
  ];
}

export function trayTooltip(state: TrayMenuState): string {
  const { folderState: s } = state;
  if (s.kind === 'missing') return `Runbook Companion — folder not found: ${state.folder}`;
  if (s.kind === 'loading') return 'Runbook Companion — reading runbooks…';
  const count = state.runbooks.length;
  return `Runbook Companion — ${count} runbook${count === 1 ? '' : 's'}`;
}

function folderSection(state: TrayMenuState, actions: TrayActions): Item[] {
  const s = state.folderState;
  if (s.kind === 'missing') {
    return [
      { label: 'Runbook folder not found', enabled: false },
      { label: menuText(shortenPath(state.folder)), enabled: false, toolTip: s.detail },
      { label: 'Choose a Folder…', click: () => actions.chooseFolder() },
    ];
  }
  if (s.kind === 'loading') return [{ label: 'Reading runbooks…', enabled: false }];
  if (state.runbooks.length === 0) {
    return [{ label: 'No runbooks in this folder yet', enabled: false }];
  }
  const byName = new Map(state.runbooks.map((r) => [r.name, r]));
  const pick = (names: readonly string[]) => names.flatMap((name) => byName.get(name) ?? []);
  const pinned = pick(state.pinned);
  const recent = pick(state.recent).slice(0, RECENT_LIMIT);
  return [
    { label: 'Pinned', submenu: pinnedMenu(pinned, recent, actions) },
    {
      label: 'Recent',
      enabled: recent.length > 0,
      submenu: recent.map((r) => runbookItem(r, actions)),
    },
    { label: 'All Runbooks', submenu: folderMenu(buildRunbookTree(state.runbooks), actions) },
  ];
}

function pinnedMenu(pinned: TreeRunbook[], recent: TreeRunbook[], actions: TrayActions): Item[] {
  const pinnedNames = new Set(pinned.map((r) => r.name));
  const pinnable = recent.filter((r) => !pinnedNames.has(r.name));
  const items: Item[] = pinned.length
    ? pinned.map((r) => runbookItem(r, actions))
    : [{ label: 'Nothing pinned yet', enabled: false }];
  items.push(separator, {
    label: 'Pin a Recent Runbook',
    enabled: pinnable.length > 0,
    submenu: pinnable.map((r) => ({ label: menuText(r.title), click: () => actions.pin(r.name) })),
  });
  items.push({
    label: 'Unpin',
    enabled: pinned.length > 0,
    submenu: pinned.map((r) => ({ label: menuText(r.title), click: () => actions.unpin(r.name) })),
  });
  return items;
}

function folderMenu(folder: TreeFolder, actions: TrayActions): Item[] {
  const items: Item[] = [
    ...folder.folders.map((child) => ({
      label: menuText(child.label),
      submenu: folderMenu(child, actions),
    })),
    ...folder.runbooks.map((r) => runbookItem(r, actions)),
  ];
  if (items.length <= MAX_SUBMENU_ITEMS) return items;
  const hidden = items.length - MAX_SUBMENU_ITEMS + 1;
  return [
    ...items.slice(0, MAX_SUBMENU_ITEMS - 1),
    { label: `${hidden} more — search in the Quick Picker…`, click: () => actions.openPicker() },
  ];
}

/** A trailing ellipsis is the platform convention for "asks for more before it acts". */
function runbookItem(runbook: TreeRunbook, actions: TrayActions): Item {
  return {
    label: menuText(runbook.title) + (runbook.needsValues ? '…' : ''),
    toolTip: runbook.name,
    click: () => actions.chooseRunbook(runbook.name),
  };
}

/** `&` marks a mnemonic in Windows and Linux menus; a literal one is doubled. */
export function menuText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
  return short.replace(/&/g, '&&');
}

function shortenPath(folder: string): string {
  return folder.length > 50 ? `…${folder.slice(-49)}` : folder;
}
