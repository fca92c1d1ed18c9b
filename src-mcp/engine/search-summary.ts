/** The words every face uses for a page of results, so the CLI and the MCP tool say the same. */
import type { SearchHit, SearchPage } from './types.js';

/** "125 found, showing 1–10", and how many runbooks that is when copies were folded together. */
export function describeSearchPage(page: SearchPage): string {
  const { total, matched, offset, hits } = page;
  const copies = matched > total ? ` (${matched} runbooks; identical copies are shown once)` : '';
  if (total === 0) return '0 found';
  if (hits.length === 0) return `${total} found${copies}; none after result ${offset}`;
  return `${total} found${copies}, showing ${offset + 1}–${offset + hits.length}`;
}

/** Whether results remain after this page, and the offset that gets them. */
export function nextOffset(page: SearchPage): number | undefined {
  const next = page.offset + page.hits.length;
  return page.hits.length > 0 && next < page.total ? next : undefined;
}

/** "Identical copies: a, b and 11 more", or undefined for a hit without copies. */
export function describeCopies(hit: SearchHit): string | undefined {
  if (!hit.copies) return undefined;
  const { count, names } = hit.copies;
  const more = count > names.length ? ` and ${count - names.length} more` : '';
  return `Identical copies: ${names.join(', ')}${more}`;
}
