import { clampWidth, parseWidth } from '../lib/sidebar-width.js';
import { readChoice, storeChoice } from '../lib/stored-choice.js';

const KEY = 'runbook-companion:sidebar-width';

/** The library sidebar's width, set by its drag handle and remembered across sessions. */
class SidebarWidth {
  px = $state(parseWidth(readChoice(KEY)));

  set(width: number): void {
    this.px = clampWidth(width);
    storeChoice(KEY, String(this.px));
  }
}

export const sidebarWidth = new SidebarWidth();
