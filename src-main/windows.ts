/**
 * The app's three windows, all loading the same renderer on different hash routes: the main app,
 * the quick picker (global shortcut) and the small fill window (a runbook that needs values).
 */
import path from 'node:path';
import { BrowserWindow, app, dialog, shell, type WebContents } from 'electron';
import { fillRoute, isTrustedSender, rendererUrl, type RendererRoute } from './renderer-url.js';

export type WindowRole = 'main' | 'picker' | 'fill';

const secure = (appPath: string) => ({
  preload: path.join(appPath, 'dist', 'main', 'preload.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  spellcheck: false,
});

export class AppWindows {
  private readonly open = new Map<WindowRole, BrowserWindow>();
  /** Windows that have painted once; before that, showing would flash an empty frame. */
  private readonly painted = new WeakSet<BrowserWindow>();
  private quitting = false;

  constructor(private readonly appPath: string) {}

  showMain(route: RendererRoute = '/'): void {
    const win = this.ensure('main', () =>
      this.create({ width: 1180, height: 780, minWidth: 720, minHeight: 520 }),
    );
    this.show(win, route);
    app.dock?.show().catch(() => undefined);
  }

  showPicker(): void {
    const win = this.ensure('picker', () =>
      this.create({
        width: 640,
        height: 440,
        alwaysOnTop: true,
        skipTaskbar: true,
        resizable: false,
        frame: false,
      }),
    );
    this.show(win, '/picker');
  }

  showFill(name: string): void {
    const win = this.ensure('fill', () =>
      this.create({
        width: 560,
        height: 620,
        alwaysOnTop: true,
        skipTaskbar: true,
        minimizable: false,
      }),
    );
    this.show(win, fillRoute(name));
  }

  /** The picker and fill windows are done once their runbook is copied. */
  hideQuickWindows(): void {
    for (const role of ['picker', 'fill'] as const) this.open.get(role)?.hide();
  }

  roleOf(contents: WebContents): WindowRole | undefined {
    for (const [role, win] of this.open)
      if (!win.isDestroyed() && win.webContents === contents) return role;
    return undefined;
  }

  send(channel: string, payload: unknown): void {
    for (const win of this.open.values())
      if (!win.isDestroyed()) win.webContents.send(channel, payload);
  }

  /** From now on closing a window really closes it (quit, not hide-to-tray). */
  markQuitting(): void {
    this.quitting = true;
  }

  private ensure(role: WindowRole, create: () => BrowserWindow): BrowserWindow {
    const existing = this.open.get(role);
    if (existing && !existing.isDestroyed()) return existing;
    const win = create();
    this.open.set(role, win);
    win.on('closed', () => this.open.delete(role));
    win.on('close', (event) => {
      // Closing hides to the tray; the windows come back instantly and keep their state.
      if (this.quitting) return;
      event.preventDefault();
      win.hide();
      if (role === 'main') app.dock?.hide();
    });
    if (role === 'picker') win.on('blur', () => win.hide());
    return win;
  }

  private create(options: Electron.BrowserWindowConstructorOptions): BrowserWindow {
    const win = new BrowserWindow({
      ...options,
      show: false,
      title: 'Runbook Companion',
      backgroundColor: '#00000000',
      autoHideMenuBar: true,
      webPreferences: secure(this.appPath),
    });
    guardNavigation(win.webContents, this.appPath);
    askBeforeDroppingEdits(win);
    win.once('ready-to-show', () => this.painted.add(win));
    return win;
  }

  private show(win: BrowserWindow, route: RendererRoute): void {
    const url = rendererUrl(this.appPath, route);
    if (win.webContents.getURL() !== url) void win.loadURL(url);
    if (this.painted.has(win)) focus(win);
    else win.once('ready-to-show', () => focus(win));
  }
}

function focus(win: BrowserWindow): void {
  win.show();
  win.focus();
}

/**
 * An editor with unsaved text blocks unload (`beforeunload`), as in a browser; Electron then shows
 * nothing and the window just refuses to close or reload, so the question is asked here.
 */
function askBeforeDroppingEdits(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Keep editing', 'Discard changes'],
      defaultId: 0,
      cancelId: 0,
      message: 'Discard unsaved changes?',
      detail: 'A runbook or env file has edits that are not saved.',
    });
    if (choice === 1) event.preventDefault();
  });
}

/** Our pages never navigate away: links to the web open in the browser, anything else is refused. */
function guardNavigation(contents: WebContents, appPath: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isTrustedSender(url, appPath)) return;
    event.preventDefault();
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
  });
}
