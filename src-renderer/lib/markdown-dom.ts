import type { MdNode } from './markdown-tree.js';

/**
 * DOM nodes for a markdown tree: elements by name and text by textContent, never markup, so a
 * runbook's `<script>` or `onerror=` is shown as text and cannot run.
 */
export function markdownDom(nodes: readonly MdNode[], document: Document): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(toDom(node, document));
  return fragment;
}

function toDom(node: MdNode, document: Document): Node {
  if ('unresolved' in node) {
    const mark = document.createElement('mark');
    mark.className = `unresolved ${node.unresolved.kind}`;
    mark.title = node.unresolved.message;
    mark.textContent = node.text;
    return mark;
  }
  if ('text' in node) return document.createTextNode(node.text);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value);
  if (node.tag === 'a') {
    element.setAttribute('target', '_blank');
    element.setAttribute('rel', 'noopener noreferrer');
  }
  element.append(markdownDom(node.children, document));
  return element;
}
