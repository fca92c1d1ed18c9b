import { parseRoute, routeHash, type Route } from '../lib/routes.js';

/** The current hash route, reactive; `go()` changes it (and the browser history). */
export class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    this.route = route;
  }

  href(route: Route): string {
    return routeHash(route);
  }
}

export const router = new Router();
