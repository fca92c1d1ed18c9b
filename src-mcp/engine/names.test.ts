/** New-runbook names, exact resolution for destructive calls, and the cost of "did you mean". */
import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import { boundedEditDistance } from './name-distance.js';
import { quote, validateNewRunbookPath } from './new-runbook-name.js';
import { summaryAt } from '../test-support/summary.js';
import { thrownRunbookError } from '../test-support/thrown.js';

function catalogOf(paths: string[]): Catalog {
  const catalog = new Catalog();
  for (const p of paths) catalog.set(summaryAt(p));
  return catalog;
}

describe('validateNewRunbookPath refuses', () => {
  it.each([
    ['a Windows device name', 'CON', 'CON'],
    ['a device name with an extension', 'NUL.md', 'NUL.md'],
    ['a device name as a folder and a file', 'aux/com1', 'aux'],
    ['a device name deeper down', 'ops/com1', 'com1'],
    ['a device name in lower case with another extension', 'con.txt', 'con.txt'],
    ['a device name with two extensions', 'prn.tar.md', 'prn.tar.md'],
    ['a device name followed by a space before the extension', 'con .md', 'con .md'],
    ['a superscript digit (Windows reserves COM¹)', 'COM¹', 'COM¹'],
    ['full-width letters that NFKC folds to NUL', 'ｎｕｌ', 'ｎｕｌ'],
    ['LPT9', 'deploy/LPT9.markdown', 'LPT9.markdown'],
    ['CONIN$', 'CONIN$', 'CONIN$'],
    ['a trailing dot', 'deploy/rollback.', 'rollback.'],
    ['a trailing space on a folder', 'deploy /rollback', 'deploy '],
    ['a trailing dot before the extension', 'rollback..md', 'rollback..md'],
    ['a trailing space before the extension', 'rollback .md', 'rollback .md'],
    ['a right-to-left override', 'invoice\u202Egpj.md', 'invoice\u202Egpj.md'],
    ['a right-to-left isolate', 'a\u2067b', 'a\u2067b'],
    ['a left-to-right mark', 'a\u200Eb', 'a\u200Eb'],
    ['an Arabic letter mark', 'x/\u061Cy', '\u061Cy'],
    ['node_modules', 'node_modules/pkg/readme', 'node_modules'],
    ['node_modules deeper down', 'a/node_modules/x', 'node_modules'],
    ['.git', '.git/HEAD', '.git'],
    ['.trash', '.trash/2026/x', '.trash'],
    ['a hidden folder', 'ops/.private/x', '.private'],
    ['a hidden file', '.env.md', '.env.md'],
    ['a dot segment in the middle', 'a/./b', '.'],
    ['a parent segment', 'a/../b', '..'],
    ['a doubled slash', 'a//b', ''],
    ['a trailing slash', 'a/', ''],
    ['DEL', 'a\u007Fb', 'a\u007Fb'],
    ['a tab', 'a\tb', 'a\tb'],
    ['a colon (NTFS streams)', 'notes.md:secret', 'notes.md:secret'],
    ['a segment over 200 bytes of emoji', '😀'.repeat(60), '😀'.repeat(60)],
  ])('%s: %j', (_why, input, segment) => {
    const error = thrownRunbookError(() => validateNewRunbookPath(input));
    expect(error.code).toBe('invalid-name');
    expect(error.message).toContain(`has a segment ${quote(segment)}`);
    expect(error.fix).toBeTruthy();
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['NUL byte', 'a\0b'],
    ['absolute', '/etc/passwd'],
    ['drive letter', 'C:\\evil'],
    ['over 512 characters', `${'a/'.repeat(300)}b`],
  ])('%s', (_why, input) => {
    expect(thrownRunbookError(() => validateNewRunbookPath(input)).code).toBe('invalid-name');
  });
});

describe('refusal messages', () => {
  it('show bidi controls escaped, so the message reads in stored order', () => {
    const error = thrownRunbookError(() => validateNewRunbookPath('invoice\u202Egpj.md'));
    expect(error.message).not.toMatch(/[\u202a-\u202e]/u);
    expect(error.message).toContain('invoice\\u202egpj.md');
  });

  it('stay short for a long name', () => {
    expect(
      thrownRunbookError(() => validateNewRunbookPath(`${'é'.repeat(300)}`)).message.length,
    ).toBeLessThan(300);
  });
});

describe('validateNewRunbookPath accepts', () => {
  it.each([
    ['a plain path', 'deploy/rollback', 'deploy/rollback.md'],
    ['backslashes', 'deploy\\rollback', 'deploy/rollback.md'],
    ['a leading ./', './deploy/rollback.txt', 'deploy/rollback.txt'],
    ['a device name inside a word', 'console/connect', 'console/connect.md'],
    ['COM10 (only COM1–9 are reserved)', 'COM10', 'COM10.md'],
    ['a device name as a suffix', 'ops/my-con', 'ops/my-con.md'],
    ['Cyrillic look-alike letters (a different name, legal everywhere)', 'СОN', 'СОN.md'],
    ['a dot inside a name', 'v1.2/notes', 'v1.2/notes.md'],
    ['spaces inside', 'on call/first steps', 'on call/first steps.md'],
    ['a segment of 200 ASCII bytes', 'a'.repeat(200), `${'a'.repeat(200)}.md`],
    [
      'Persian with a zero-width non-joiner (not a bidi control)',
      'می\u200Cخواهم',
      'می\u200Cخواهم.md',
    ],
    ['a folder named like a skipped one as the file', 'ops/node_modules', 'ops/node_modules.md'],
  ])('%s: %j', (_why, input, expected) => {
    expect(validateNewRunbookPath(input)).toBe(expected);
  });
});

describe('Catalog.resolveExact', () => {
  const catalog = catalogOf([
    'deploy/rollback.md',
    'team/important.md',
    'notes.txt',
    'db/rollback.md',
    'release.md.txt',
    'solo/unique-name.md',
  ]);

  it.each([
    ['the name', 'deploy/rollback', 'deploy/rollback'],
    ['the path with its extension', 'deploy/rollback.md', 'deploy/rollback'],
    ['backslashes', 'deploy\\rollback', 'deploy/rollback'],
    ['a leading ./', './notes.txt', 'notes'],
    ['a name that itself ends in .md', 'release.md', 'release.md'],
    ['that name with its extension', 'release.md.txt', 'release.md'],
  ])('finds %s', (_why, input, expected) => {
    expect(catalog.resolveExact(input).name).toBe(expected);
  });

  it.each([
    ['a bare name that is ambiguous', 'rollback', 'ambiguous', ['db/rollback', 'deploy/rollback']],
    ['a unique bare name', 'unique-name', 'not-found', ['solo/unique-name']],
    ['another case', 'IMPORTANT.md', 'not-found', ['team/important']],
    ['another case of the full path', 'Deploy/Rollback', 'not-found', ['deploy/rollback']],
    ['the wrong extension', 'deploy/rollback.txt', 'not-found', ['deploy/rollback']],
    ['a suffix', 'loy/rollback', 'not-found', ['deploy/rollback']],
    ['surrounding spaces', ' notes ', 'not-found', ['notes']],
    ['a typo', 'deploy/rolback', 'not-found', ['deploy/rollback']],
  ])('refuses %s and lists the candidates', (_why, input, code, candidates) => {
    const error = thrownRunbookError(() => catalog.resolveExact(input));
    expect(error.code).toBe(code);
    expect(error.details).toEqual(expect.arrayContaining(candidates));
    expect(error.message).toMatch(/nothing was changed/);
    expect(error.fix).toMatch(/exact name/);
  });
});

describe('boundedEditDistance', () => {
  function plain(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          v = Math.min(v, d[i - 2]![j - 2]! + 1);
        d[i]![j] = v;
      }
    return d[a.length]![b.length]!;
  }

  it('agrees with the full table wherever the answer is within the bound', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () =>
      Array.from({ length: Math.floor(random() * 12) }, () => 'abc'[Math.floor(random() * 3)]).join(
        '',
      );
    for (let n = 0; n < 3000; n++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 6)];
      expect(boundedEditDistance(a, b, max), `${a} ${b} ${max}`).toBe(
        Math.min(plain(a, b), max + 1),
      );
    }
  });
});

describe('Catalog.suggest costs bounded time', () => {
  const names = Array.from(
    { length: 10_000 },
    (_, i) => `team-${i % 50}/service-${i}/runbook-${i}`,
  );
  const catalog = catalogOf(names.map((n) => `${n}.md`));

  it.each([
    ['a 20,000-character unknown name', 'x'.repeat(20_000)],
    ['a 20,000-character name sharing a prefix with all', `team-1/${'service-'.repeat(2500)}`],
    ['a 200-character name sharing a long prefix', `team-1/service-1/runbook-1${'9'.repeat(170)}`],
    ['20,000 path separators', '/'.repeat(20_000)],
    ['10,000 leading ./', './'.repeat(10_000)],
  ])('%s against 10,000 names answers well under a second', (_why, input) => {
    const started = performance.now();
    const error = thrownRunbookError(() => catalog.resolve(input));
    expect(error.code).toBe('not-found');
    expect(error.message.length).toBeLessThan(400);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('still suggests the close names', () => {
    expect(catalog.suggest('team-3/service-3/runbok-3')).toContain('team-3/service-3/runbook-3');
  });
});
