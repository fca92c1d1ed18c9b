import { markdownDom } from './markdown-dom.js';
import { markdownTree } from './markdown-tree.js';
import type { PreviewSegment } from './preview-segments.js';

/** The rendered preview's DOM; loaded on first use (markdown-it stays out of the first load). */
export function renderMarkdownPreview(
  segments: readonly PreviewSegment[],
  document: Document,
): DocumentFragment {
  return markdownDom(markdownTree(segments), document);
}
