import { describe, expect, it } from 'vitest';
import type { Unresolved } from '../../src-mcp/engine/types.js';
import { markdownTree, type MdNode } from './markdown-tree.js';
import type { PreviewSegment } from './preview-segments.js';

const unresolved = (key: string): Unresolved => ({
  kind: 'var',
  key,
  line: 1,
  column: 1,
  start: 0,
  end: 0,
  message: `${key} has no value`,
});

/** A compact picture of the tree: <tag attr=v>…</tag>, marks as [[text]]. */
function show(nodes: readonly MdNode[]): string {
  return nodes
    .map((node) => {
      if ('unresolved' in node) return `[[${node.text}]]`;
      if ('text' in node) return node.text;
      const attrs = Object.entries(node.attrs ?? {})
        .map(([k, v]) => ` ${k}=${v}`)
        .join('');
      return `<${node.tag}${attrs}>${show(node.children)}</${node.tag}>`;
    })
    .join('');
}

const md = (text: string) => show(markdownTree([{ text }]));

describe('markdownTree', () => {
  it.each([
    [
      'headings sit one level below the page title',
      '# Deploy\n###### Six',
      '<h2>Deploy</h2><h6>Six</h6>',
    ],
    [
      'emphasis and inline code',
      'a *b* **c** `d`',
      '<p>a <em>b</em> <strong>c</strong> <code>d</code></p>',
    ],
    ['a tight list has no paragraphs', '- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
    ['an ordered list keeps its start', '3. c\n4. d', '<ol start=3><li>c</li><li>d</li></ol>'],
    [
      'a fence is code, its braces kept',
      '```bash\necho {print $1}\n```',
      '<pre><code>echo {print $1}\n</code></pre>',
    ],
    [
      'an https link is a link',
      '[docs](https://example.com/a)',
      '<p><a href=https://example.com/a>docs</a></p>',
    ],
  ])('%s', (_why, text, expected) => {
    expect(md(text)).toBe(expected);
  });

  it.each([
    ['raw HTML is text', '<img src=x onerror=alert(1)>', '<p><img src=x onerror=alert(1)></p>'],
    ['a script block is text', '<script>alert(1)</script>', '<p><script>alert(1)</script></p>'],
    [
      'a javascript: link is not a link',
      '[x](javascript:alert(1))',
      '<p>[x](javascript:alert(1))</p>',
    ],
    [
      'an escaped javascript: link is not a link',
      '[x](jav&#x61;script:alert(1))',
      '<p>[x](javascript:alert(1))</p>',
    ],
    [
      'a relative or file link is not a link',
      '[x](/etc/passwd) [y](file:///etc)',
      '<p><span>x</span> [y](file:///etc)</p>',
    ],
    ['an image is not fetched', '![logo](https://evil.example/t.png)', '<p>[image: logo]</p>'],
    ['an HTML entity is decoded into text, not markup', '&lt;b&gt;', '<p><b></p>'],
  ])('hostile: %s', (_why, text, expected) => {
    const tree = markdownTree([{ text }]);
    expect(show(tree)).toBe(expected);
    // Whatever the input, every element is one this renderer chose.
    const tags = new Set<string>();
    const walk = (nodes: readonly MdNode[]) =>
      nodes.forEach((n) => 'tag' in n && (tags.add(n.tag), walk(n.children)));
    walk(tree);
    expect([...tags].filter((t) => !['p', 'span', 'a'].includes(t))).toEqual([]);
  });

  it('keeps placeholders marked in text, code, headings and link targets', () => {
    const segments: PreviewSegment[] = [
      { text: '# Deploy ' },
      { text: '{var.service}', unresolved: unresolved('var.service') },
      { text: '\n\n`kubectl -n ' },
      { text: '{var.ns}', unresolved: unresolved('var.ns') },
      { text: '`\n\n[dash](https://' },
      { text: '{var.host}', unresolved: unresolved('var.host') },
      { text: '/d)' },
    ];
    expect(show(markdownTree(segments))).toBe(
      '<h2>Deploy [[{var.service}]]</h2><p><code>kubectl -n [[{var.ns}]]</code></p>' +
        '<p><a href=https://{var.host}/d>dash</a></p>',
    );
  });

  it('a runbook that contains the marker characters cannot forge a placeholder', () => {
    expect(md('a \uE0000\uE001 b')).toBe('<p>a \uFFFD0\uFFFD b</p>');
  });
});
