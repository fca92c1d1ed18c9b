/**
 * 10,178: digits grouped by hand, since the first `toLocaleString` loads locale data while the
 * page starts.
 */
export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "1 runbook", "10,178 runbooks": `noun` is the singular, made plural with an s. */
export function formatCount(n: number, noun: string): string {
  return `${formatNumber(n)} ${n === 1 ? noun : `${noun}s`}`;
}
