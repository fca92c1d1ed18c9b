import { describe, expect, it } from 'vitest';
import { bodyOf, splitFrontMatter } from './front-matter.js';

describe('bodyOf (a search snippet reads the body without parsing the YAML)', () => {
  it.each([
    ['no front matter', '# Title\n\nText.\n'],
    ['a block', '---\ntitle: T\ntags: [a]\n---\n# Body\n'],
    ['closed by ...', '---\ntitle: T\n...\nBody\n'],
    ['a byte order mark and CRLF', '\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n'],
    ['never closed', '---\ntitle: T\n# Not a body of its own\n'],
    ['YAML that does not parse', '---\ntitle: [unclosed\n---\nBody after broken YAML\n'],
    ['nested too deep', `---\n${'- '.repeat(200)}x\n---\nBody\n`],
    ['an empty block', '---\n---\nBody\n'],
    ['--- later in the text only', '# T\n\n---\n\nA rule, not front matter.\n'],
  ])('%s: the same body as the full parse', (_, content) => {
    expect(bodyOf(content)).toBe(splitFrontMatter(content, 'x.md').body);
  });
});
