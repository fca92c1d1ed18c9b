/**
 * Runbook Companion's tray app. Read this file as a table of contents: each concern lives in its
 * own module and is wired here on `ready`.
 */
import { app, globalShortcut, type Tray } from 'electron';
import type { ApprovalServer } from '../src-mcp/approval/server.js';
import { configureAppIdentity } from './app-identity.js';
import { setupApproval } from './approval.js';
import { AppHub, type AppContext } from './context.js';
import { setupDueNotifications } from './due-notifications.js';
import { openSettingsStore, openTrayState } from './electron-settings.js';
import { setupFolderSession } from './folder-session.js';
import { setupIpc } from './ipc.js';
import { setupLoginItem } from './login-item.js';
import { report } from './notify.js';
import { setupShortcut } from './shortcut.js';
import { setupTray } from './tray.js';
import { AppWindows } from './windows.js';

const dataDir = configureAppIdentity();
let context: AppContext | undefined;
let approvals: ApprovalServer | undefined;
/** Held here: a Tray that is garbage-collected takes its icon with it. */
let tray: Tray | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => context?.windows.showMain());
  // A tray app stays when its last window closes; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('activate', () => context?.windows.showMain());
  app.on('before-quit', () => context?.windows.markQuitting());
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    if (!context) return;
    event.preventDefault();
    const closing = context;
    context = undefined;
    tray?.destroy();
    void Promise.allSettled([approvals?.close(), closing.session.close()]).then(() => app.exit(0));
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  app.dock?.hide();
  const { settings, setAside } = await openSettingsStore(dataDir);
  const hub = new AppHub();
  const windows = new AppWindows(app.getAppPath());
  const session = setupFolderSession(settings, hub, windows);
  const trayState = openTrayState(dataDir);
  context = {
    appPath: app.getAppPath(),
    dataDir,
    settings,
    trayState,
    session,
    windows,
    hub,
    report,
  };

  setupIpc(context);
  tray = setupTray(context);
  setupShortcut(context);
  setupLoginItem(context);
  approvals = await setupApproval(context);
  setupDueNotifications(context);

  if (setAside)
    report(
      'Settings were reset',
      `The old settings file was not valid; it was kept as ${setAside}.`,
    );
  // The app starts to the tray; `--show` (tests, a first run from an installer) opens the window.
  if (process.argv.includes('--show')) windows.showMain();
}

function fail(error: unknown): void {
  process.stderr.write(`runbook-companion: could not start: ${String(error)}\n`);
  app.exit(1);
}
