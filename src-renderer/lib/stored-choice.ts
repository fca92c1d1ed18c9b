/**
 * A small UI choice (a width, a toggle) kept in localStorage across sessions. Storage can be
 * disabled or full; then the choice lasts for this window only, and nothing throws.
 */
export function readChoice(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storeChoice(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage disabled or full: the choice lasts for this window only.
  }
}
