import type { AppApi, Favourites } from '../../src-mcp/api/contract.js';
import { api as appApi } from '../lib/api.js';
import { notices } from './notices.svelte.js';

/** Recent runbooks shown at the top of the library; pinned ones are all shown. */
const RECENT_SHOWN = 5;

/**
 * Pinned and Recent, as the settings file and the tray's state file hold them: the tray menus and
 * the MCP prompt list read the same files, so all three agree.
 */
export class FavouriteRunbooks {
  pinned = $state.raw<string[]>([]);
  recent = $state.raw<string[]>([]);

  constructor(private readonly api: AppApi = appApi) {}

  isPinned(name: string): boolean {
    return this.pinned.includes(name);
  }

  /** The lists to show, keeping only runbooks that `exists` knows; a pinned one is not also recent. */
  shown(exists: (name: string) => boolean): { pinned: string[]; recent: string[] } {
    const pinned = this.pinned.filter(exists);
    const recent = this.recent.filter((n) => exists(n) && !pinned.includes(n));
    return { pinned, recent: recent.slice(0, RECENT_SHOWN) };
  }

  async load(): Promise<void> {
    await this.apply(() => this.api.favourites(), 'Could not read Pinned and Recent.');
  }

  async setPinned(name: string, pinned: boolean): Promise<void> {
    await this.apply(
      () => this.api.pin({ name, pinned }),
      pinned ? `Could not pin ${name}.` : `Could not unpin ${name}.`,
    );
  }

  /** Opened in the app: first in Recent. Quiet when it fails: nothing the user asked for. */
  async noteOpened(name: string): Promise<void> {
    try {
      this.set(await this.api.noteRecent({ name }));
    } catch {
      // A runbook that is gone meanwhile is simply not recent.
    }
  }

  private async apply(call: () => Promise<Favourites>, context: string): Promise<void> {
    try {
      this.set(await call());
    } catch (error) {
      notices.error(error, context);
    }
  }

  private set(favourites: Favourites): void {
    this.pinned = favourites.pinned;
    this.recent = favourites.recent;
  }
}

export const favourites = new FavouriteRunbooks();
