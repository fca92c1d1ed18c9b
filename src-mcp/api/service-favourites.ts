/**
 * Pinned (the settings file) and Recent (the tray's state file): the library's top lists, the
 * tray's menus and the MCP prompt policy all read these, so they agree.
 */
import type { ApiHandlers, Favourites } from './contract.js';
import type { RecentStore } from './recent-store.js';
import type { EngineSource } from './session.js';
import type { SettingsStore } from './conf-settings.js';

type FavouriteHandlers = Pick<ApiHandlers, 'favourites' | 'pin' | 'noteRecent'>;

export function favouriteHandlers(
  source: EngineSource,
  settings: SettingsStore,
  recent: RecentStore,
): FavouriteHandlers {
  const favourites = async (): Promise<Favourites> => ({
    pinned: (await settings.read()).pinned,
    recent: await recent.read(),
  });
  return {
    favourites,
    pin: async ({ name, pinned }) => {
      // Only a runbook that exists, by its exact name: the list must not collect typos.
      const exact = pinned ? (await source.engine.resolve(name)).name : name;
      const others = (await settings.read()).pinned.filter((n) => n !== exact);
      await settings.update({ pinned: pinned ? [...others, exact] : others });
      return favourites();
    },
    noteRecent: async ({ name }) => {
      const exact = (await source.engine.resolve(name)).name;
      await recent.push(exact);
      return favourites();
    },
  };
}
