/** Hash routes: they work the same over http and file:// (the tray app loads `index.html#/picker`). */
export type RunbookTab = 'run' | 'edit' | 'logs';

export type Route =
  | { view: 'library' }
  | { view: 'runbook'; name: string; tab: RunbookTab }
  | { view: 'env'; profile: string }
  | { view: 'claude' }
  | { view: 'settings' }
  | { view: 'trash' }
  | { view: 'logs' }
  | { view: 'picker' }
  | { view: 'fill'; name: string };

const TABS: readonly RunbookTab[] = ['run', 'edit', 'logs'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [head = '', second, third] = parts;
  const name = second === undefined ? undefined : safeDecode(second);
  switch (head) {
    case 'runbook':
      if (!name) return { view: 'library' };
      return { view: 'runbook', name, tab: TABS.find((t) => t === third) ?? 'run' };
    case 'env':
      return { view: 'env', profile: name ?? '' };
    case 'claude':
      return { view: 'claude' };
    case 'settings':
      return { view: 'settings' };
    case 'trash':
      return { view: 'trash' };
    case 'logs':
      return { view: 'logs' };
    case 'picker':
      return { view: 'picker' };
    case 'fill':
      return name ? { view: 'fill', name } : { view: 'picker' };
    default:
      return { view: 'library' };
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'runbook':
      return `#/runbook/${encodeURIComponent(route.name)}/${route.tab}`;
    case 'env':
      return route.profile ? `#/env/${encodeURIComponent(route.profile)}` : '#/env';
    case 'fill':
      return `#/fill/${encodeURIComponent(route.name)}`;
    default:
      return `#/${route.view}`;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
