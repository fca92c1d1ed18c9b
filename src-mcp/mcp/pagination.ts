/**
 * Pages for `prompts/list` and `resources/list`. A cursor names the last item of the page it
 * follows (not an offset), so a runbook added or removed between two pages never makes the client
 * see an item twice or miss one that stayed. Pages are capped by count and by their JSON size.
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

/** At most this many items a page. */
const PAGE_ITEMS = 500;
/** At most this many bytes of items a page: under 1 MB with room for the envelope. */
const PAGE_BYTES = 1_000_000 - 16 * 1024;

const CURSOR_VERSION = 1;

export interface PageOptions {
  maxItems?: number;
  maxBytes?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, after }), 'utf8').toString('base64url');
}

/** The key the page starts after; undefined for the first page. A bad cursor is -32602. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  let data: unknown;
  try {
    if (!/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error('not base64url');
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    data = undefined;
  }
  const after = (data as { v?: unknown; after?: unknown } | undefined)?.after;
  if ((data as { v?: unknown } | undefined)?.v !== CURSOR_VERSION || typeof after !== 'string') {
    throw new McpError(
      ErrorCode.InvalidParams,
      'Invalid cursor: the argument "cursor" must be a nextCursor from an earlier page; list again without it to start over.',
    );
  }
  return after;
}

/**
 * The page of `keys` (sorted, unique) that follows `cursor`. `build` makes an item from its key;
 * it is called only for the items the page holds (plus one that did not fit).
 */
export async function pageOf<T>(
  keys: readonly string[],
  cursor: string | undefined,
  build: (key: string) => T | Promise<T>,
  options: PageOptions = {},
): Promise<Page<T>> {
  const maxItems = options.maxItems ?? PAGE_ITEMS;
  const maxBytes = options.maxBytes ?? PAGE_BYTES;
  const after = decodeCursor(cursor);
  const items: T[] = [];
  let bytes = 0;
  let index = after === undefined ? 0 : firstAfter(keys, after);
  for (; index < keys.length && items.length < maxItems; index++) {
    const item = await build(keys[index]!);
    // +1 for the comma between items. One item always goes on a page, or a large one would stall.
    const size = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (items.length > 0 && bytes + size > maxBytes) break;
    items.push(item);
    bytes += size;
  }
  const more = index < keys.length;
  return { items, nextCursor: more ? encodeCursor(keys[index - 1]!) : undefined };
}

/** Index of the first key greater than `after` (binary search: the keys are sorted). */
function firstAfter(keys: readonly string[], after: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]! <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sorts keys by code unit, the order `firstAfter` assumes (not localeCompare). */
export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
