/** The tray icon and its menu, rebuilt whenever the folder, Recent, or the settings change. */
import path from 'node:path';
import { Menu, Tray, app, dialog, nativeImage, shell } from 'electron';
import type { AppContext } from './context.js';
import { isLaunchAtLoginEnabled } from './login-item.js';
import { chooseRunbook } from './quick-copy.js';
import { toTreeRunbook } from './runbook-tree.js';
import { buildTrayMenu, trayTooltip, type TrayActions, type TrayMenuState } from './tray-menu.js';

export function setupTray(ctx: AppContext): Tray {
  const tray = new Tray(trayIcon(ctx.appPath));
  const actions = trayActions(ctx);
  const refresh = coalesced(async () => {
    const state = await trayState(ctx);
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(state, actions)));
  });
  ctx.hub.subscribe(() => refresh());
  ctx.settings.onDidAnyChange(() => refresh());
  // Windows and Linux users expect a left click to open the app; macOS shows the menu.
  if (process.platform !== 'darwin') tray.on('click', () => ctx.windows.showMain());
  refresh();
  void ctx.session.ready().then(refresh);
  return tray;
}

function trayIcon(appPath: string): Electron.NativeImage {
  // macOS picks trayTemplate@2x.png itself and tints a "Template" image for light and dark bars.
  const file = process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
  return nativeImage.createFromPath(path.join(appPath, 'assets', file));
}

async function trayState(ctx: AppContext): Promise<TrayMenuState> {
  const folderState = ctx.session.folderState();
  const runbooks =
    folderState.kind === 'ready' ? await ctx.session.engine.list().catch(() => undefined) : [];
  return {
    folder: ctx.session.engine.root,
    folderState: runbooks === undefined ? { kind: 'loading' } : folderState,
    runbooks: (runbooks ?? []).map(toTreeRunbook),
    recent: ctx.trayState.get('recent'),
    pinned: ctx.settings.get('pinned'),
    shortcut: ctx.settings.get('shortcut'),
    launchAtLogin: app.isPackaged
      ? await isLaunchAtLoginEnabled()
      : ctx.settings.get('launchAtLogin'),
  };
}

function trayActions(ctx: AppContext): TrayActions {
  const pinned = () => ctx.settings.get('pinned');
  return {
    chooseRunbook: (name) => void chooseRunbook(ctx, name),
    openPicker: () => ctx.windows.showPicker(),
    openApp: () => ctx.windows.showMain(),
    openFolder: () => void shell.openPath(ctx.session.engine.root),
    chooseFolder: () => void chooseFolder(ctx),
    pin: (name) => ctx.settings.set('pinned', [...pinned().filter((n) => n !== name), name]),
    unpin: (name) =>
      ctx.settings.set(
        'pinned',
        pinned().filter((n) => n !== name),
      ),
    connectClaude: () => ctx.windows.showMain('/claude'),
    setLaunchAtLogin: (enabled) => ctx.settings.set('launchAtLogin', enabled),
    quit: () => app.quit(),
  };
}

async function chooseFolder(ctx: AppContext): Promise<void> {
  const result = await dialog.showOpenDialog({
    title: 'Choose the runbook folder',
    defaultPath: ctx.session.engine.root,
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = result.filePaths[0];
  if (!result.canceled && folder) ctx.settings.set('runbookDir', folder);
}

/** Bursts of events cause one rebuild at a time, plus one more if anything came in meanwhile. */
function coalesced(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    task()
      .catch((error: unknown) =>
        process.stderr.write(`runbook-companion: tray: ${String(error)}\n`),
      )
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
