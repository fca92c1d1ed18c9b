import type { LenientRender, Unresolved } from '../../src-mcp/engine/types.js';

export type PreviewSegment = { text: string; unresolved?: Unresolved };

/** The preview text cut at the unresolved placeholders, so they can be marked. */
export function previewSegments(render: LenientRender): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let at = 0;
  const sorted = [...render.unresolved].sort((a, b) => a.start - b.start);
  for (const u of sorted) {
    if (u.start < at) continue;
    if (u.start > at) segments.push({ text: render.text.slice(at, u.start) });
    segments.push({ text: render.text.slice(u.start, u.end), unresolved: u });
    at = u.end;
  }
  if (at < render.text.length) segments.push({ text: render.text.slice(at) });
  return segments;
}
