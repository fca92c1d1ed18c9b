import { parseRoute, routeHash, type Route } from '../lib/routes.js';
import { unsavedGuard } from './unsaved.svelte.js';

/**
 * The current hash route, reactive; `go()` changes it (and the browser history). Every change —
 * a call, a link, the Back button — passes the unsaved-edits guard first.
 */
class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => void this.follow(parseRoute(location.hash)));
  }

  go(route: Route): void {
    if (unsavedGuard.losing(route).length === 0) this.show(route);
    else void this.ask(route);
  }

  href(route: Route): string {
    return routeHash(route);
  }

  private async ask(route: Route): Promise<void> {
    if (await unsavedGuard.allow(route)) this.show(route);
  }

  private show(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    this.route = route;
  }

  /** The address already changed (a link, Back): put it back while the user decides. */
  private async follow(to: Route): Promise<void> {
    if (routeHash(to) === routeHash(this.route)) {
      this.route = to;
      return;
    }
    if (unsavedGuard.losing(to).length === 0) {
      this.route = to;
      return;
    }
    history.replaceState(history.state, '', routeHash(this.route));
    await this.ask(to);
  }
}

export const router = new Router();
