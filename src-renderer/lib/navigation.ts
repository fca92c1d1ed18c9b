import type { RunbookTab } from './routes.js';
import { focusRequest } from '../state/focus-request.svelte.js';
import { router } from '../state/router.svelte.js';

/** Opens a runbook, keeping the current tab (the router asks first if edits would be lost). */
export function showRunbook(name: string, tab?: RunbookTab): void {
  const route = router.route;
  const currentTab = route.view === 'runbook' ? route.tab : 'run';
  router.go({ view: 'runbook', name, tab: tab ?? currentTab });
}

/** The user chose a runbook (Enter, a click): open it with focus in it. */
export function chooseRunbook(name: string): void {
  focusRequest.request();
  showRunbook(name);
}

export function focusSearch(): void {
  // Shown: focus it now, so the letters typed right after Ctrl+K land in it (a frame later, on a
  // busy machine, the first ones went to the page).
  if (focusIfShown()) return;
  // Hidden (another page, or a small window with a runbook open): show the library first.
  router.go({ view: 'library' });
  // The sidebar may only now be mounting, later than the next frame on a slow machine.
  requestAnimationFrame(() => focusWhenShown(FOCUS_FRAMES));
}

/** About a second of frames to wait for the search box to be shown. */
const FOCUS_FRAMES = 60;

function focusWhenShown(framesLeft: number): void {
  if (!focusIfShown() && framesLeft > 0)
    requestAnimationFrame(() => focusWhenShown(framesLeft - 1));
}

function focusIfShown(): boolean {
  const shown = document.getElementById('library-search');
  if (!(shown instanceof HTMLInputElement && shown.checkVisibility())) return false;
  shown.focus();
  shown.select();
  return true;
}

const isMac = navigator.platform.startsWith('Mac');

/** How the shortcut key is written on this OS, for the hints next to buttons. */
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

export function isModKey(event: KeyboardEvent): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}
