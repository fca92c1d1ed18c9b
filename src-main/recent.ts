/**
 * Recently copied runbooks, newest first, for the tray's Recent submenu. Names of runbooks that
 * are gone stay stored (the folder may be back soon) and the menu simply skips them.
 */
export const RECENT_LIMIT = 8;

export function pushRecent(
  recent: readonly string[],
  name: string,
  limit = RECENT_LIMIT,
): string[] {
  return [name, ...recent.filter((n) => n !== name)].slice(0, limit);
}
