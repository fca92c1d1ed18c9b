import { describe, expect, it } from 'vitest';
import { copyPath, isTemplate, textFromTemplate } from './runbook-copies.js';

describe('copyPath', () => {
  const rows: { why: string; path: string; taken: string[]; copy: string }[] = [
    { why: 'the first copy', path: 'ops/x.md', taken: [], copy: 'ops/x-copy.md' },
    { why: 'x-copy taken', path: 'ops/x.md', taken: ['ops/x-copy.md'], copy: 'ops/x-copy-2.md' },
    {
      why: 'the next free number',
      path: 'x.md',
      taken: ['x-copy.md', 'x-copy-2.md', 'x-copy-3.md'],
      copy: 'x-copy-4.md',
    },
    { why: 'keeps a .txt extension', path: 'notes/a.txt', taken: [], copy: 'notes/a-copy.txt' },
    { why: 'a copy of a copy', path: 'x-copy.md', taken: [], copy: 'x-copy-copy.md' },
  ];
  it.each(rows)('$why', ({ path, taken, copy }) => {
    expect(copyPath(path, (p) => taken.includes(p))).toBe(copy);
  });

  it('gives up with a clear error after 1000 copies', () => {
    expect(() => copyPath('x.md', () => true)).toThrow(/1000 copies/);
  });
});

describe('isTemplate', () => {
  const rows: { why: string; name: string; template?: boolean; is: boolean }[] = [
    { why: 'top-level templates/ folder', name: 'templates/incident', is: true },
    { why: 'a nested templates/ folder', name: 'team/templates/postmortem', is: true },
    { why: 'front matter template: true', name: 'ops/base', template: true, is: true },
    { why: 'a runbook named templates is not in the folder', name: 'docs/templates', is: false },
    { why: 'an ordinary runbook', name: 'ops/restart', is: false },
  ];
  it.each(rows)('$why', ({ name, template, is }) => {
    expect(isTemplate({ name, template })).toBe(is);
  });
});

describe('textFromTemplate', () => {
  const rows: { why: string; text: string; out: string }[] = [
    {
      why: 'drops template: true and keeps every other byte',
      text: '---\ntitle: Incident\ntemplate: true\ntags: [x]\n---\n# {var.what}\n',
      out: '---\ntitle: Incident\ntags: [x]\n---\n# {var.what}\n',
    },
    {
      why: 'CRLF and a comment',
      text: '---\r\ntemplate: true # offer it\r\ntitle: A\r\n---\r\nbody\r\n',
      out: '---\r\ntitle: A\r\n---\r\nbody\r\n',
    },
    {
      why: 'a template: line in the body is text, not front matter',
      text: '---\ntitle: A\n---\ntemplate: true\n',
      out: '---\ntitle: A\n---\ntemplate: true\n',
    },
    {
      why: 'an indented key belongs to a variable, not the runbook',
      text: '---\nvariables:\n  x:\n    template: true\n---\n',
      out: '---\nvariables:\n  x:\n    template: true\n---\n',
    },
    { why: 'no front matter: as written', text: '# T\n', out: '# T\n' },
  ];
  it.each(rows)('$why', ({ text, out }) => {
    expect(textFromTemplate(text)).toBe(out);
  });
});
