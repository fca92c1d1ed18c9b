/**
 * The runbooks used lately, newest first: the tray's Recent menu, the library's Recent list and the
 * MCP prompt policy (src-mcp/mcp/prompt-policy.ts) all read the same `tray-state.json` in the
 * app's data folder, so they agree. The tray app passes a store over its electron-store instead.
 */
import Conf from 'conf';
import { appDataDir } from '../engine/paths.js';

/** As many as the tray's state file keeps (its schema's maxItems). */
const RECENT_KEPT = 50;

export interface RecentStore {
  read(): string[] | Promise<string[]>;
  /** Puts `name` first (once) and returns the new list. */
  push(name: string): string[] | Promise<string[]>;
}

export function withRecent(recent: readonly string[], name: string): string[] {
  return [name, ...recent.filter((n) => n !== name)].slice(0, RECENT_KEPT);
}

/** The tray's state file through conf (no Electron needed): the web host uses this. */
export function confRecentStore(dataDir: string = appDataDir()): RecentStore {
  const open = () =>
    new Conf<{ recent: string[] }>({
      cwd: dataDir,
      configName: 'tray-state',
      projectName: 'runbook-companion',
      defaults: { recent: [] },
      clearInvalidConfig: false,
    });
  const read = (conf: Conf<{ recent: string[] }>): string[] => {
    const recent: unknown = conf.get('recent');
    return Array.isArray(recent) ? recent.filter((r): r is string => typeof r === 'string') : [];
  };
  return {
    // A broken file only means nothing recent yet, as for the prompt policy.
    read: () => {
      try {
        return read(open());
      } catch {
        return [];
      }
    },
    push: (name) => {
      const conf = open();
      const next = withRecent(read(conf), name);
      conf.set('recent', next);
      return next;
    },
  };
}
