import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Unresolved } from '../../src-mcp/engine/types.js';
import type { PreviewSegment } from './preview-segments.js';

/**
 * A rendered runbook as a plain tree, built from markdown-it's tokens (never from its HTML): the
 * tags and attributes are chosen here, text stays text, so nothing a runbook contains can run.
 */
export type MdNode =
  | { tag: string; attrs?: Record<string, string>; children: MdNode[] }
  | { text: string }
  | { text: string; unresolved: Unresolved };
type MdElement = Extract<MdNode, { tag: string }>;

// html: false: raw HTML in a runbook is shown as the text it is.
const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });

const BLOCK_TAGS = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const INLINE_TAGS = new Set(['em', 'strong', 's', 'code', 'br']);
// The page's h1 is the runbook's title: the runbook's own headings sit one level below it.
const HEADING = /^h([1-6])$/;
const SAFE_LINK = /^https?:\/\//i;
// Placeholders travel through the parser as private-use markers that no Markdown syntax uses.
const MARKER = /\uE000(\d+)\uE001/g;

export function markdownTree(segments: readonly PreviewSegment[]): MdNode[] {
  const marks: PreviewSegment[] = [];
  const source = segments
    .map((segment) => {
      const text = segment.text.replace(/[\uE000\uE001]/g, '\uFFFD');
      if (!segment.unresolved) return text;
      marks.push(segment);
      return `\uE000${marks.length - 1}\uE001`;
    })
    .join('');
  const root: MdElement = { tag: 'div', children: [] };
  const stack: MdElement[] = [root];
  for (const token of parser.parse(source, {})) {
    const top = stack[stack.length - 1]!;
    if (token.type === 'inline') top.children.push(...inline(token.children ?? [], marks));
    else if (token.hidden)
      continue; // A tight list's paragraphs: no <p>.
    else if (token.nesting === 1) stack.push(open(top, blockTag(token.tag), blockAttrs(token)));
    else if (token.nesting === -1) stack.pop();
    else if (token.type === 'fence' || token.type === 'code_block')
      top.children.push({
        tag: 'pre',
        children: [{ tag: 'code', children: split(token.content, marks) }],
      });
    else if (token.type === 'hr') top.children.push({ tag: 'hr', children: [] });
    else top.children.push(...split(token.content, marks));
  }
  return root.children;
}

function inline(tokens: Token[], marks: readonly PreviewSegment[]): MdNode[] {
  const root: MdElement = { tag: 'span', children: [] };
  const stack: MdElement[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token.type === 'link_open') stack.push(open(top, ...link(token, marks)));
    else if (token.nesting === 1) stack.push(open(top, inlineTag(token.tag)));
    else if (token.nesting === -1) stack.pop();
    else if (token.type === 'code_inline')
      top.children.push({ tag: 'code', children: split(token.content, marks) });
    else if (token.type === 'softbreak') top.children.push({ text: '\n' });
    else if (token.type === 'hardbreak') top.children.push({ tag: 'br', children: [] });
    // Images are not fetched: a runbook must not call out to a server when it is opened.
    else if (token.type === 'image')
      top.children.push(...split(`[image: ${token.content}]`, marks));
    else top.children.push(...split(token.content, marks));
  }
  return root.children;
}

function open(parent: MdElement, tag: string, attrs?: Record<string, string>): MdElement {
  const element: MdElement = attrs ? { tag, attrs, children: [] } : { tag, children: [] };
  parent.children.push(element);
  return element;
}

function blockTag(tag: string): string {
  const heading = HEADING.exec(tag);
  if (heading) return `h${Math.min(Number(heading[1]) + 1, 6)}`;
  return BLOCK_TAGS.has(tag) ? tag : 'div';
}

function inlineTag(tag: string): string {
  return INLINE_TAGS.has(tag) ? tag : 'span';
}

function blockAttrs(token: Token): Record<string, string> | undefined {
  const start = token.attrGet('start');
  return token.tag === 'ol' && start && /^\d{1,9}$/.test(start) ? { start } : undefined;
}

/** Only http(s) links are links; anything else (javascript:, file:, relative) stays text. */
function link(token: Token, marks: readonly PreviewSegment[]): [string, Record<string, string>?] {
  // The parser percent-encodes hrefs; decoded, the placeholder markers are found again.
  const href = restore(parser.normalizeLinkText(token.attrGet('href') ?? ''), marks);
  return SAFE_LINK.test(href) ? ['a', { href }] : ['span'];
}

function restore(text: string, marks: readonly PreviewSegment[]): string {
  return text.replace(MARKER, (_all, i: string) => marks[Number(i)]?.text ?? '');
}

/** Text with its placeholder markers turned back into marked placeholders. */
function split(text: string, marks: readonly PreviewSegment[]): MdNode[] {
  const nodes: MdNode[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > at) nodes.push({ text: text.slice(at, match.index) });
    const mark = marks[Number(match[1])];
    if (mark?.unresolved) nodes.push({ text: mark.text, unresolved: mark.unresolved });
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push({ text: text.slice(at) });
  return nodes;
}
