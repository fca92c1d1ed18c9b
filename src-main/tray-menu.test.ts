import fs from 'node:fs/promises';
import path from 'node:path';
import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { CORPORA_SKIPPED, corporaDir } from '../src-mcp/test-support/shared-folder.js';
import { buildRunbookTree, toTreeRunbook, type TreeFolder } from './runbook-tree.js';
import {
  MAX_SUBMENU_ITEMS,
  buildTrayMenu,
  menuText,
  trayTooltip,
  type TrayActions,
  type TrayMenuState,
} from './tray-menu.js';

type Item = MenuItemConstructorOptions;

function recorder(): { actions: TrayActions; calls: string[] } {
  const calls: string[] = [];
  const log =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args.map(String)].join(':'));
  const actions: TrayActions = {
    chooseRunbook: log('choose'),
    openPicker: log('picker'),
    openApp: log('app'),
    openFolder: log('folder'),
    chooseFolder: log('chooseFolder'),
    pin: log('pin'),
    unpin: log('unpin'),
    connectClaude: log('claude'),
    setLaunchAtLogin: log('login'),
    quit: log('quit'),
  };
  return { actions, calls };
}

const runbooks = [
  { name: 'restart-pods', title: 'Restart pods', needsValues: true },
  { name: 'redis/flush', title: 'Flush Redis', needsValues: false },
  { name: 'docs/redis/README', title: 'Redis & Sentinel', needsValues: false },
];

function state(overrides: Partial<TrayMenuState> = {}): TrayMenuState {
  return {
    folder: '/home/me/runbooks',
    folderState: { kind: 'ready' },
    runbooks,
    recent: [],
    pinned: [],
    launchAtLogin: false,
    ...overrides,
  };
}

function find(items: readonly Item[], label: string): Item {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return item;
}

function submenu(item: Item): Item[] {
  if (!Array.isArray(item.submenu)) throw new Error(`${item.label} has no submenu`);
  return item.submenu;
}

function click(item: Item, checked = false): void {
  item.click?.({ checked } as MenuItem, undefined, {} as KeyboardEvent);
}

describe('buildTrayMenu', () => {
  it('copies from the folder tree: choosing a runbook calls chooseRunbook with its name', () => {
    const { actions, calls } = recorder();
    const all = submenu(find(buildTrayMenu(state(), actions), 'All Runbooks'));
    click(find(submenu(find(all, 'redis')), 'Flush Redis'));
    click(find(all, 'Restart pods…'));
    expect(calls).toEqual(['choose:redis/flush', 'choose:restart-pods']);
  });

  it('shows a missing folder plainly and offers to choose another', () => {
    const { actions, calls } = recorder();
    const menu = buildTrayMenu(
      state({ folderState: { kind: 'missing', detail: 'ENOENT' } }),
      actions,
    );
    expect(find(menu, 'Runbook folder not found').enabled).toBe(false);
    expect(find(menu, '/home/me/runbooks').toolTip).toBe('ENOENT');
    expect(menu.some((i) => i.label === 'All Runbooks')).toBe(false);
    click(find(menu, 'Choose a Folder…'));
    expect(calls).toEqual(['chooseFolder']);
  });

  it('lists recent and pinned runbooks that still exist, newest first', () => {
    const { actions } = recorder();
    const menu = buildTrayMenu(
      state({ recent: ['redis/flush', 'gone', 'restart-pods'], pinned: ['gone', 'restart-pods'] }),
      actions,
    );
    expect(submenu(find(menu, 'Recent')).map((i) => i.label)).toEqual([
      'Flush Redis',
      'Restart pods…',
    ]);
    const pinned = submenu(find(menu, 'Pinned'));
    expect(pinned[0]?.label).toBe('Restart pods…');
    expect(submenu(find(pinned, 'Pin a Recent Runbook')).map((i) => i.label)).toEqual([
      'Flush Redis',
    ]);
  });

  it('pins and unpins through the Pinned submenu', () => {
    const { actions, calls } = recorder();
    const pinned = submenu(
      find(
        buildTrayMenu(state({ recent: ['redis/flush'], pinned: ['restart-pods'] }), actions),
        'Pinned',
      ),
    );
    click(find(submenu(find(pinned, 'Pin a Recent Runbook')), 'Flush Redis'));
    click(find(submenu(find(pinned, 'Unpin')), 'Restart pods'));
    expect(calls).toEqual(['pin:redis/flush', 'unpin:restart-pods']);
  });

  it('disables Recent and says so when nothing is pinned yet', () => {
    const menu = buildTrayMenu(state(), recorder().actions);
    expect(find(menu, 'Recent').enabled).toBe(false);
    expect(submenu(find(menu, 'Pinned'))[0]).toMatchObject({
      label: 'Nothing pinned yet',
      enabled: false,
    });
  });

  it('shows the picker shortcut without registering it a second time', () => {
    const menu = buildTrayMenu(state({ shortcut: 'CommandOrControl+Shift+R' }), recorder().actions);
    expect(find(menu, 'Quick Picker…')).toMatchObject({
      accelerator: 'CommandOrControl+Shift+R',
      registerAccelerator: false,
    });
  });

  it('passes the checkbox state to setLaunchAtLogin', () => {
    const { actions, calls } = recorder();
    const item = find(buildTrayMenu(state({ launchAtLogin: false }), actions), 'Launch at Login');
    expect(item).toMatchObject({ type: 'checkbox', checked: false });
    click(item, true);
    expect(calls).toEqual(['login:true']);
  });

  it.each([
    ['Quick Picker…', 'picker'],
    ['Open Runbook Companion', 'app'],
    ['Open Runbook Folder', 'folder'],
    ['Connect to Claude Desktop…', 'claude'],
    ['Quit Runbook Companion', 'quit'],
  ])('%s calls %s', (label, call) => {
    const { actions, calls } = recorder();
    click(find(buildTrayMenu(state(), actions), label));
    expect(calls).toEqual([call]);
  });

  it('sends a submenu past the native-menu limit to the picker instead of growing forever', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      name: `alerts/a${i}`,
      title: `Alert ${i}`,
      needsValues: false,
    }));
    const { actions, calls } = recorder();
    const all = submenu(find(buildTrayMenu(state({ runbooks: many }), actions), 'All Runbooks'));
    const alerts = submenu(find(all, 'alerts'));
    expect(alerts).toHaveLength(MAX_SUBMENU_ITEMS);
    const more = alerts[MAX_SUBMENU_ITEMS - 1] as Item;
    expect(more.label).toBe('16 more — search in the Quick Picker…');
    click(more);
    expect(calls).toEqual(['picker']);
  });
});

describe('trayTooltip', () => {
  it.each([
    [{ kind: 'ready' } as const, 'Runbook Companion — 3 runbooks'],
    [{ kind: 'loading' } as const, 'Runbook Companion — reading runbooks…'],
    [
      { kind: 'missing', detail: 'x' } as const,
      'Runbook Companion — folder not found: /home/me/runbooks',
    ],
  ])('%o → %s', (folderState, text) => {
    expect(trayTooltip(state({ folderState }))).toBe(text);
  });
});

describe('menuText', () => {
  it.each([
    ['R&D checks', 'R&&D checks', 'a literal & would become a mnemonic underline'],
    ['two\nlines', 'two lines', 'a menu item is one line'],
    ['x'.repeat(80), `${'x'.repeat(59)}…`, 'long titles are cut so the menu stays narrow'],
  ])('%j → %j (%s)', (input, output) => {
    expect(menuText(input)).toBe(output);
  });
});

describe('buildRunbookTree', () => {
  function labels(folder: TreeFolder): unknown {
    return {
      folders: Object.fromEntries(folder.folders.map((f) => [f.label, labels(f)])),
      runbooks: folder.runbooks.map((r) => r.title),
    };
  }

  it('folds single-child folders, sorts naturally, folders before runbooks', () => {
    const tree = buildRunbookTree([
      { name: 'b10', title: 'Step 10', needsValues: false },
      { name: 'b2', title: 'Step 2', needsValues: false },
      { name: 'docs/redis/README', title: 'Redis', needsValues: false },
      { name: 'ops/db/pg', title: 'Postgres', needsValues: false },
      { name: 'ops/dns', title: 'DNS', needsValues: false },
    ]);
    expect(labels(tree)).toEqual({
      folders: {
        'docs / redis': { folders: {}, runbooks: ['Redis'] },
        ops: { folders: { db: { folders: {}, runbooks: ['Postgres'] } }, runbooks: ['DNS'] },
      },
      runbooks: ['Step 2', 'Step 10'],
    });
  });

  it('titles a runbook by its file name when it has no title, and asks for values when it has variables', () => {
    expect(toTreeRunbook({ name: 'ops/dns', title: ' ', variables: [{}] })).toEqual({
      name: 'ops/dns',
      title: 'dns',
      needsValues: true,
    });
  });

  const corpora = corporaDir();
  it.skipIf(!corpora)(
    corpora
      ? 'keeps every runbook of a real corpus reachable within the submenu limit or the picker'
      : CORPORA_SKIPPED,
    async () => {
      const root = corpora ?? '';
      const names = (await fs.readdir(root, { recursive: true }))
        .filter((file) => file.endsWith('.md') && file !== 'README.md')
        .map((file) => file.split(path.sep).join('/').replace(/\.md$/, ''));
      expect(names.length).toBeGreaterThan(700);
      const tree = buildRunbookTree(
        names.map((name) => ({ name, title: name, needsValues: false })),
      );
      const count = (f: TreeFolder): number =>
        f.runbooks.length + f.folders.reduce((n, child) => n + count(child), 0);
      expect(count(tree)).toBe(names.length);
      const menu = buildTrayMenu(
        state({ runbooks: names.map((name) => ({ name, title: name, needsValues: false })) }),
        recorder().actions,
      );
      const widest = (items: readonly Item[]): number =>
        Math.max(
          items.length,
          ...items.map((i) => (Array.isArray(i.submenu) ? widest(i.submenu) : 0)),
        );
      expect(widest(menu)).toBeLessThanOrEqual(MAX_SUBMENU_ITEMS);
    },
  );
});
