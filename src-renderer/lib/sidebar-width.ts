export const SIDEBAR_MIN = 200;
export const SIDEBAR_MAX = 560;
export const SIDEBAR_DEFAULT = 300;
/** One arrow key press; with Shift, a bigger step. */
const SIDEBAR_STEP = 16;

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT;
  return Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, width)));
}

/** The width a key gives on the separator, or undefined for a key it does not use. */
export function widthForKey(width: number, key: string, shift: boolean): number | undefined {
  const step = shift ? SIDEBAR_STEP * 4 : SIDEBAR_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampWidth(width - step);
    case 'ArrowRight':
      return clampWidth(width + step);
    case 'Home':
      return SIDEBAR_MIN;
    case 'End':
      return SIDEBAR_MAX;
    default:
      return undefined;
  }
}

/** A remembered width as stored text; anything unreadable gives the default. */
export function parseWidth(stored: string | null): number {
  return stored === null ? SIDEBAR_DEFAULT : clampWidth(Number(stored));
}
