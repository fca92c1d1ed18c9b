import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src-mcp/engine/front-matter.js';
import { readFrontMatterForm, type FrontMatterFields } from './front-matter-form.js';
import { findFrontMatterTraps } from './front-matter-traps.js';
import { renameVariable, writeFrontMatterForm } from './front-matter-write.js';

const BODY = '# Deploy\r\n\n  kubectl {var.service}  \n```\n---\n```\n\u00a0tail without newline';

const RICH = `---
# owner: sre team  (a comment before everything)
title:   Rolling deploy   # trailing comment
x-team: payments
tags: [deploy,kubernetes]
schedule: weekly
variables:
  service:
    description: 'The service'   # which one
    choices: [checkout,payments]
  version: Image tag
---
${BODY}`;

function fields(text: string): FrontMatterFields {
  const reading = readFrontMatterForm(text);
  if (!reading.ok) throw new Error(reading.reason);
  return structuredClone(reading.fields);
}

function change(text: string, edit: (f: FrontMatterFields) => void): string {
  const next = fields(text);
  edit(next);
  return writeFrontMatterForm(text, next);
}

/** What the engine reads from the written text: the form's YAML must mean what the form shows. */
function engineReads(text: string) {
  const split = splitFrontMatter(text, 'x.md');
  expect(split.problems).toEqual([]);
  return split.frontMatter;
}

describe('front matter form: reading', () => {
  it('reads title, description, tags and both forms of variables', () => {
    expect(fields(RICH)).toEqual({
      title: 'Rolling deploy',
      description: '',
      tags: ['deploy', 'kubernetes'],
      variables: [
        {
          name: 'service',
          description: 'The service',
          choices: ['checkout', 'payments'],
          default: '',
          secret: false,
        },
        // `name: text` is the short form of a description, as the engine reads it.
        { name: 'version', description: 'Image tag', choices: [], default: '', secret: false },
      ],
    });
  });

  it.each([
    ['broken YAML', '---\ntitle: [unclosed\n---\nbody', /YAML error on line \d/],
    ['a list, not a mapping', '---\n- a\n- b\n---\nbody', /not a mapping/],
  ])('refuses %s with the reason', (_why, text, reason) => {
    const reading = readFrontMatterForm(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(reason);
    // Nothing is written over text the form cannot read.
    expect(
      writeFrontMatterForm(text, { title: 'x', description: '', tags: [], variables: [] }),
    ).toBe(text);
  });
});

describe('front matter form: writing keeps every byte it did not change', () => {
  it('changes only the title line: comments, unknown keys, formatting and the body stay', () => {
    const out = change(RICH, (f) => (f.title = 'Blue/green deploy'));
    const before = RICH.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['title: Blue/green deploy # trailing comment']);
    expect(out.endsWith(`---\n${BODY}`)).toBe(true);
  });

  it('writing the same fields back returns the text unchanged', () => {
    expect(writeFrontMatterForm(RICH, fields(RICH))).toBe(RICH);
  });

  it.each([
    [
      'CRLF line endings stay CRLF',
      '---\r\ntitle: a\r\n---\r\nbody\r\n',
      '---\r\ntitle: b\r\n---\r\nbody\r\n',
    ],
    ['a BOM stays first', '\uFEFF---\ntitle: a\n---\nbody', '\uFEFF---\ntitle: b\n---\nbody'],
    [
      'no front matter: a block is added above the untouched body',
      '# a\n\nbody',
      '---\ntitle: b\n---\n# a\n\nbody',
    ],
    [
      'an unclosed block is text to the engine: a new block goes above it',
      '---\ntitle: a\n',
      '---\ntitle: b\n---\n---\ntitle: a\n',
    ],
  ])('%s', (_why, text, expected) => {
    expect(change(text, (f) => (f.title = 'b'))).toBe(expected);
  });
});

describe('front matter form: variables', () => {
  it('adds a variable with choices, a default and secret that the engine reads as meant', () => {
    const out = change(RICH, (f) =>
      f.variables.push({
        name: 'max',
        description: 'Surge',
        choices: [],
        default: '1',
        secret: true,
      }),
    );
    const max = engineReads(out).variables.find((v) => v.name === 'max');
    // "1" stays a string default, so the variable is optional.
    expect(max).toMatchObject({
      description: 'Surge',
      default: '1',
      secret: true,
      required: false,
    });
    expect(out).toContain('x-team: payments\n');
    expect(out).toContain("description: 'The service'   # which one\n");
  });

  it('never writes the missing-indent trap: settings go under their variable', () => {
    const text = '---\nvariables:\n  service:\n---\nbody';
    const out = change(text, (f) => (f.variables[0]!.description = 'The service to deploy'));
    expect(out).toBe(
      '---\nvariables:\n  service:\n    description: The service to deploy\n---\nbody',
    );
    expect(engineReads(out).variables.map((v) => v.name)).toEqual(['service']);
  });

  it('grows the short form into a mapping, keeping its description', () => {
    const out = change(RICH, (f) => (f.variables[1]!.choices = ['v1', 'v2']));
    expect(engineReads(out).variables[1]).toMatchObject({
      name: 'version',
      description: 'Image tag',
      choices: ['v1', 'v2'],
    });
  });

  it('removing the last variable removes `variables:`', () => {
    const out = change('---\ntitle: t\nvariables:\n  a:\n---\nb', (f) => (f.variables = []));
    expect(out).toBe('---\ntitle: t\n---\nb');
  });

  it('edits variables written as a list of {name: …}', () => {
    const text = '---\nvariables:\n  - name: a\n    description: A\n---\nb';
    const out = change(text, (f) => (f.variables[0]!.default = 'x'));
    expect(engineReads(out).variables[0]).toMatchObject({
      name: 'a',
      default: 'x',
      required: false,
    });
  });

  it('renames in place: the settings and comments move with the key', () => {
    const out = renameVariable(RICH, 'service', 'svc');
    expect(out).toBe(RICH.replace('  service:\n', '  svc:\n'));
  });
});

describe('front matter traps the text editor warns about', () => {
  it.each([
    [
      'a description one indent short becomes a variable',
      '---\nvariables:\n  service:\n  description: x\n---\n',
      ['description'],
    ],
    ['choices one indent short', '---\nvariables:\n  a:\n  choices: [x, y]\n---\n', ['choices']],
    [
      'a variable setting at the top level is ignored',
      '---\ndefault: x\nsecret: true\n---\n',
      ['default', 'secret'],
    ],
    ['top-level description is the runbook description: fine', '---\ndescription: x\n---\n', []],
    ['well indented settings: fine', '---\nvariables:\n  a:\n    description: x\n---\n', []],
    ['no front matter: nothing to check', 'description: x\n', []],
  ])('%s', (_why, text, keys) => {
    const traps = findFrontMatterTraps(text);
    expect(traps.map((t) => text.slice(t.from, t.to))).toEqual(keys);
  });
});

describe('front matter the form will not parse (the engine refuses it too)', () => {
  const body = '# Body stays\n';
  it.each([
    // Brackets deep enough to take the parser seconds on every keystroke.
    ['nested past 32 levels', `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, /nest deeper/],
    ['longer than 64 KB', `title: ${'x'.repeat(70_000)}\n`, /over the limit/],
  ])('%s: the form says why, the editor shows no traps', (_why, yaml, reason) => {
    const text = `---\n${yaml}variables:\n  description: oops\n---\n${body}`;
    const reading = readFrontMatterForm(text);
    expect(reading.ok ? 'read' : reading.reason).toMatch(reason);
    expect(findFrontMatterTraps(text)).toEqual([]);
  });
});
