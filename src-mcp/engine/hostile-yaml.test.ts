/**
 * Hostile YAML in front matter and env.yaml, over the real engine and real temp folders: the file
 * at fault is reported with the reason, every other runbook keeps listing and rendering, nothing
 * is written, and the metadata a listing carries stays small.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { MAX_DESCRIPTION_LENGTH, MAX_VARIABLES } from './limits.js';
import { aliasBombRunbook, HOSTILE_YAML } from '../test-support/hostile-yaml.js';
import { makeFolder } from '../test-support/temp-folder.js';
import {
  expectFolderUnchanged,
  snapshotFolder,
  type FolderSnapshot,
} from '../test-support/folder-snapshot.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const GOOD = {
  'good.md':
    '---\ntitle: Good one\nvariables:\n  svc: { choices: [api, web] }\n---\nrestart {var.svc}\n',
  'uses-env.md': '# Uses env\nkubectl --context {env[cluster][name]} get pods\n',
};
const GOOD_ENV = 'cluster:\n  name: east\n';

interface Opened {
  engine: Engine;
  dir: string;
  before: FolderSnapshot;
}

async function open(files: Record<string, string>): Promise<Opened> {
  const dir = await makeFolder(files);
  const logsDir = await makeFolder({}, 'runbook-logs-');
  const engine = Engine.open({ dir, logsDir });
  await engine.ready();
  return { engine, dir, before: await snapshotFolder(dir) };
}

/** Nothing written, renamed or lost: the folder holds the same files, byte for byte. */
async function expectUntouched({ dir, before }: Opened): Promise<void> {
  await expectFolderUnchanged(dir, before);
}

describe('hostile front matter', () => {
  it.each(HOSTILE_YAML)('$why: reported on its runbook, the others work', async (row) => {
    const opened = await open({
      ...GOOD,
      'env.yaml': GOOD_ENV,
      'bad.md': `---\n${row.yaml}\n---\n# Bad\nbody {var.b}\n`,
    });
    const { engine } = opened;
    const list = await engine.list();
    expect(list.map((r) => r.name)).toEqual(['bad', 'good', 'uses-env']);
    const bad = list.find((r) => r.name === 'bad')!;
    if (row.reported) {
      expect(bad.problems[0]).toMatchObject({ code: 'invalid-front-matter', file: 'bad.md' });
      expect(bad.problems[0]!.message).toMatch(row.reported);
    } else {
      expect(bad.problems).toEqual([]);
    }
    expect(await engine.render('bad', { vars: { b: '1' } })).toBe('# Bad\nbody 1\n');
    expect(await engine.render('good', { vars: { svc: 'api' } })).toBe('restart api\n');
    expect(await engine.render('uses-env')).toContain('--context east');
    expect(JSON.stringify(list).length).toBeLessThan(64 * 1024);
    await expectUntouched(opened);
  });

  it.each([
    {
      why: 'front matter that is a scalar',
      text: '---\njust words\n---\n# T\n',
      problem: /must be a mapping/,
    },
    {
      why: 'front matter that is a list',
      text: '---\n- a\n- b\n---\n# T\n',
      problem: /must be a mapping/,
    },
    {
      why: 'an unterminated block (the whole file is text)',
      text: '---\ntitle: x\n# T\n',
      problem: /never closed/,
    },
    {
      why: 'non-string keys in variables',
      text: '---\nvariables:\n  ? [1, 2]\n  : x\n  3: y\n---\n# T\n',
      problem: /Variable name "(\[ 1, 2 \]|3)" is not valid/,
    },
    {
      why: 'a custom tag and a YAML 1.1 tag are text',
      text: '---\ntitle: !shout hi\ndescription: !!binary aGVsbG8=\n---\n# T\n',
      problem: undefined,
    },
    {
      why: 'a BOM and CRLF line ends',
      text: '\uFEFF---\r\ntitle: Windows\r\n---\r\n# T\r\n',
      problem: undefined,
    },
    {
      why: 'an over-long description is shortened',
      text: `---\ndescription: ${'d'.repeat(10_000)}\n---\n# T\n`,
      problem: /description is over 2000 characters/,
    },
    {
      why: 'a huge variable name is quoted short',
      text: `---\nvariables:\n  ? ${'n'.repeat(20_000)}\n  : x\n---\n# T\n`,
      problem: /^Variable name "n{60}…" is over 128 characters\.$/,
    },
  ])('$why', async ({ text, problem }) => {
    const opened = await open({ ...GOOD, 'x.md': text });
    const x = (await opened.engine.list()).find((r) => r.name === 'x')!;
    if (problem) expect(x.problems[0]?.message).toMatch(problem);
    else expect(x.problems).toEqual([]);
    expect(JSON.stringify(x).length).toBeLessThan(8 * 1024);
    expect(await opened.engine.render('good', { vars: { svc: 'web' } })).toBe('restart web\n');
    await expectUntouched(opened);
  });

  it('reads a BOM + CRLF block and tags as text', async () => {
    const opened = await open({
      'w.md': '\uFEFF---\r\ntitle: Windows\r\n---\r\n# T\r\n',
      't.md': '---\ntitle: !shout hi\ndescription: !!binary aGVsbG8=\n---\n# T\n',
    });
    const [t, w] = await opened.engine.list();
    expect([t?.title, t?.description, w?.title]).toEqual(['hi', 'aGVsbG8=', 'Windows']);
  });

  it('keeps the 89 MB alias bomb of the issue to a small listing', async () => {
    const opened = await open({
      ...GOOD,
      'bomb.md': aliasBombRunbook(),
      'small-bomb.md': aliasBombRunbook(1000),
    });
    const list = await opened.engine.list();
    // Each runbook's metadata is bounded by what its front matter may expand to (64 KiB).
    for (const runbook of list) expect(JSON.stringify(runbook).length).toBeLessThan(80 * 1024);
    const bomb = list.find((r) => r.name === 'bomb')!;
    expect(bomb.problems[0]?.message).toMatch(/over the limit of 65536/);
    const small = list.find((r) => r.name === 'small-bomb')!;
    expect(small.problems[0]?.message).toMatch(/aliases expanded/);
  });

  it('caps variables, choices and defaults, and says so', async () => {
    const many = Array.from({ length: 150 }, (_, i) => `  v${i}: x`).join('\n');
    const choices = Array.from({ length: 150 }, (_, i) => `c${i}`).join(', ');
    const opened = await open({
      'many.md': `---\nvariables:\n${many}\n---\n# Many\n`,
      'used.md': Array.from({ length: 500 }, (_, i) => `{var.u${i}}`).join(' '),
      'caps.md': `---\nvariables:\n  c: { choices: [${choices}] }\n  d: { default: "${'z'.repeat(3000)}", description: "${'q'.repeat(5000)}" }\n---\n{var.c}{var.d}`,
    });
    const list = await opened.engine.list();
    const byName = new Map(list.map((r) => [r.name, r]));
    expect(byName.get('many')!.variables).toHaveLength(MAX_VARIABLES);
    expect(byName.get('many')!.problems[0]?.message).toMatch(/first 100 variables/);
    expect(byName.get('used')!.variables).toHaveLength(MAX_VARIABLES);
    expect(byName.get('used')!.problems[0]?.message).toMatch(/only 100 are listed/);
    const [c, d] = byName.get('caps')!.variables;
    expect(c?.choices).toBeUndefined();
    expect([d?.default, d?.required, d?.description?.length]).toEqual([
      undefined,
      true,
      MAX_DESCRIPTION_LENGTH,
    ]);
    expect(byName.get('caps')!.problems.map((p) => p.key)).toEqual([
      'variables.c.choices',
      'variables.d.default',
      'variables.d.description',
    ]);
  });
});

describe('hostile env.yaml', () => {
  const rows = [
    ...HOSTILE_YAML.flatMap(({ why, yaml, reported, envReported }) => {
      const expected = envReported === undefined ? reported : envReported;
      return expected ? [{ why, yaml, reported: expected }] : [];
    }),
    { why: 'a list instead of a mapping', yaml: '- a\n- b', reported: /must be a mapping/ },
    { why: 'a single value', yaml: 'just words', reported: /must be a mapping/ },
    {
      why: 'aliases to a large value expanding past 4 MiB',
      yaml: `big: &b "${'x'.repeat(900_000)}"\nl: [*b, *b, *b, *b, *b]`,
      reported: /aliases expanded/,
    },
  ];

  it.each(rows)('$why: every lookup says env.yaml could not be loaded', async (row) => {
    const opened = await open({ ...GOOD, 'env.yaml': row.yaml });
    const { engine, dir } = opened;
    const envFile = path.join(dir, 'env.yaml');
    const strict = await rejectedRunbookError(engine.render('uses-env'));
    expect(strict.message).toMatch(/^env\.yaml could not be loaded: /);
    expect(strict.message).toMatch(row.reported);
    expect(strict.file).toBe(envFile);
    const missing = await engine.missing('uses-env');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toMatch(
      new RegExp(`^env\\.yaml could not be loaded: ${escape(envFile)}(:\\d+:\\d+)? `),
    );
    expect(missing[0]!.message).not.toMatch(/has no key/);
    const preview = await engine.preview('uses-env');
    expect(preview.diagnostics[0]?.message).toMatch(/^env\.yaml could not be loaded/);
    expect(preview.diagnostics[0]?.message.length).toBeLessThan(1000);
    expect(await engine.render('good', { vars: { svc: 'api' } })).toBe('restart api\n');
    await expectUntouched(opened);
  });

  it('refuses an env.yaml over 1 MiB before reading it', async () => {
    const opened = await open({ ...GOOD, 'env.yaml': `a: ${'x'.repeat(1024 * 1024 + 10)}\n` });
    const error = await rejectedRunbookError(opened.engine.render('uses-env'));
    expect([error.code, error.message]).toEqual([
      'too-large',
      expect.stringMatching(
        /^env\.yaml could not be loaded: The env file is \d+ bytes, over 1048576/,
      ),
    ]);
  });

  it('names the broken profile file, and keeps the base file working', async () => {
    const opened = await open({
      ...GOOD,
      'env.yaml': GOOD_ENV,
      'env.prod.yaml': `x: ${'['.repeat(50)}`,
    });
    const error = await rejectedRunbookError(opened.engine.render('uses-env', { profile: 'prod' }));
    expect(error.message).toMatch(/^env\.prod\.yaml could not be loaded: collections nest deeper/);
    expect(error.describe()).toMatch(/env\.prod\.yaml:1:\d+: /);
    expect(await opened.engine.render('uses-env')).toContain('--context east');
  });

  it('reads a valid env.yaml with anchors, tags and a BOM as before', async () => {
    const env = '\uFEFFbase: &b { name: east }\ncluster: *b\nraw: !!binary aGVsbG8=\r\n';
    const opened = await open({ 'e.md': '{env[cluster][name]} {env[raw]}', 'env.yaml': env });
    expect(await opened.engine.render('e')).toBe('east aGVsbG8=');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
