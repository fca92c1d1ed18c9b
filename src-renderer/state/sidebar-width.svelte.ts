import { clampWidth, parseWidth } from '../lib/sidebar-width.js';

const KEY = 'runbook-companion:sidebar-width';

/** The library sidebar's width, set by its drag handle and remembered across sessions. */
class SidebarWidth {
  px = $state(parseWidth(read()));

  set(width: number): void {
    this.px = clampWidth(width);
    try {
      localStorage.setItem(KEY, String(this.px));
    } catch {
      // Storage disabled: the width lasts for this window only.
    }
  }
}

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const sidebarWidth = new SidebarWidth();
