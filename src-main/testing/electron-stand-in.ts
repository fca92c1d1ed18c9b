/**
 * A stand-in for the `electron` module, for running the tray app's real main process under plain
 * Node where no Electron binary exists (the smoke test bundles main.ts with `electron` aliased
 * here). It records what the app asks of Electron so the test can look, and lets it click.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: unknown[]) => void;

export interface MenuTemplateItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuTemplateItem[];
  click?: (item: { checked: boolean }, window: undefined, event: object) => void;
}

class FakeWebContents extends EventEmitter {
  url = '';
  readonly sent: { channel: string; payload: unknown }[] = [];
  getURL(): string {
    return this.url;
  }
  isLoading(): boolean {
    return false;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(): void {}
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    const first = this.webContents.url === '';
    this.webContents.url = url;
    if (first) setImmediate(() => this.emit('ready-to-show'));
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class Tray extends EventEmitter {
  static readonly all: Tray[] = [];
  tooltip = '';
  menu: MenuTemplateItem[] = [];
  constructor(readonly image: { path: string }) {
    super();
    Tray.all.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: MenuTemplateItem[] }): void {
    this.menu = menu.template;
  }
  destroy(): void {
    this.menu = [];
  }
}

export class Notification extends EventEmitter {
  static readonly shown: { title: string; body: string }[] = [];
  /** Every notification made, so a test can click one. */
  static readonly all: Notification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.all.push(this);
  }
  show(): void {
    Notification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

const appEvents = new EventEmitter();
const paths = new Map<string, string>();

export const app = {
  isPackaged: false,
  dock: undefined,
  setName(): void {},
  setAppUserModelId(): void {},
  setPath(name: string, value: string): void {
    paths.set(name, value);
  },
  getPath(name: string): string {
    return paths.get(name) ?? path.join(os.tmpdir(), 'electron-stand-in', name);
  },
  getVersion: () => '0.0.0-stand-in',
  getAppPath: () => process.env.STAND_IN_APP_PATH ?? process.cwd(),
  requestSingleInstanceLock: () => true,
  on(event: string, listener: Listener) {
    appEvents.on(event, listener);
    return app;
  },
  whenReady: () => new Promise<void>((resolve) => setImmediate(resolve)),
  focus(): void {},
  quit(): void {
    appEvents.emit('before-quit', { preventDefault() {} });
    let prevented = false;
    appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) process.exit(0);
  },
  exit(code = 0): void {
    process.exit(code);
  },
  getLoginItemSettings: () => ({ openAtLogin: false }),
  setLoginItemSettings(): void {},
};

export const Menu = {
  buildFromTemplate: (template: MenuTemplateItem[]) => ({ template }),
};

export const nativeImage = {
  createFromPath: (file: string) => ({ path: file }),
};

export const dialog = {
  answer: 1,
  asked: [] as { message: string; detail?: string; buttons?: string[] }[],
  showMessageBoxSync(_win: unknown, options: { message: string; detail?: string }): number {
    dialog.asked.push(options);
    return dialog.answer;
  },
  async showMessageBox(options: { message: string; detail?: string; buttons?: string[] }) {
    dialog.asked.push(options);
    return { response: dialog.answer, checkboxChecked: false };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
};

export const shell = {
  opened: [] as string[],
  async openPath(file: string): Promise<string> {
    shell.opened.push(file);
    return '';
  },
  async openExternal(): Promise<void> {},
};

export const clipboard = {
  text: '',
  writeText(text: string): void {
    clipboard.text = text;
  },
};

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  register(accelerator: string, callback: () => void): boolean {
    globalShortcut.registered.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator);
  },
  unregisterAll(): void {
    globalShortcut.registered.clear();
  },
};

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    ipcMain.handlers.set(channel, handler);
  },
  on(): void {},
};

export const contextBridge = { exposeInMainWorld(): void {} };
export const ipcRenderer = {
  invoke: async () => undefined,
  on(): void {},
  removeListener(): void {},
};

export default {
  app,
  BrowserWindow,
  Tray,
  Menu,
  Notification,
  nativeImage,
  dialog,
  shell,
  clipboard,
  globalShortcut,
  ipcMain,
  contextBridge,
  ipcRenderer,
};
