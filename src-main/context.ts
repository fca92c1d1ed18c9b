/**
 * What the setup modules share: the settings, the open folder, the windows, and one hub that
 * carries every AppEvent to the tray and to the renderer windows.
 */
import type ElectronStore from 'electron-store';
import type { AppEvent } from '../src-mcp/api/contract.js';
import type { AppSettings } from '../src-mcp/engine/settings.js';
import type { RunbookSession } from '../src-mcp/api/session.js';
import type { AppWindows } from './windows.js';

export interface TrayStateFile {
  recent: string[];
}

export interface AppContext {
  /** The app's root: the checkout under `electron .`, `app.asar` when packaged. */
  appPath: string;
  dataDir: string;
  settings: ElectronStore<AppSettings>;
  trayState: ElectronStore<TrayStateFile>;
  session: RunbookSession;
  windows: AppWindows;
  hub: AppHub;
  /** Shown to the user without a window: a notification, and stderr for the logs. */
  report(title: string, body: string): void;
}

type HubListener = (event: AppEvent | { type: 'app'; what: 'recent' | 'settings' }) => void;

export class AppHub {
  private readonly listeners = new Set<HubListener>();

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: Parameters<HubListener>[0]): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        process.stderr.write(`runbook-companion: ${String(error)}\n`);
      }
    }
  }
}
