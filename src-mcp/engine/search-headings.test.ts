import { describe, expect, it } from 'vitest';
import { extractHeadings } from './search-headings.js';

describe('extractHeadings', () => {
  it.each([
    ['# Restore\ntext\n## Verify', ['Restore', 'Verify'], 'ATX headings of any level'],
    ['### Title ###', ['Title'], 'closing hashes are not part of the text'],
    ['# C#', ['C#'], 'a hash inside the text stays'],
    ['   # Indented up to three', ['Indented up to three'], 'up to three spaces of indent'],
    ['    # code', [], 'four spaces make indented code'],
    ['#hashtag\n#', [], 'no space after the hashes, or no text: not a heading'],
    ['####### seven', [], 'more than six hashes'],
    ['Redis Service\n=============\nbody', ['Redis Service'], 'setext with ==='],
    ['Checks\n------', ['Checks'], 'setext with ---'],
    ['text\n\n---\nmore', [], 'a rule after a blank line is a thematic break'],
    ['- item\n---', [], 'a list item before --- is no setext heading'],
    ['| a | b |\n|---|---|', [], 'a table header row'],
    [
      '```bash\n# restart the service\nsudo systemctl restart x\n```\n# After',
      ['After'],
      'shell comments in fenced code',
    ],
    [
      '~~~\n# inside\n```\n# still inside\n~~~\n# out',
      ['out'],
      'a ``` line does not close a ~~~ fence',
    ],
    ['````\n```\n# inside\n````\n# out', ['out'], 'a shorter fence does not close a longer one'],
    ['```\n# never closed', [], 'an unclosed fence runs to the end'],
    ['# Windows\r\nTitle\r\n=====\r\n', ['Windows', 'Title'], 'CRLF line ends'],
    ['', [], 'an empty body'],
  ])('%j → %j (%s)', (body, expected) => {
    expect(extractHeadings(body)).toEqual(expected);
  });
});
