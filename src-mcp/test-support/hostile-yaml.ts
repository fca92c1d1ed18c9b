/**
 * Hostile and careless YAML, for front matter and env.yaml: the rows the engine, CLI and MCP
 * suites attack with. Each row says why it is there and what must be reported about it.
 */

export interface HostileYaml {
  why: string;
  /** The YAML text (front matter block content, or a whole env.yaml). */
  yaml: string;
  /** What the report about the file must say; undefined: the file is fine. */
  reported: RegExp | undefined;
  /** Where env.yaml (1 MiB, 4 MiB expanded) differs from front matter (64 KiB); null: fine there. */
  envReported?: RegExp | null;
}

const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

/** One description, used by many variables: small text, a large listing. */
function aliasFanOut(count: number, size: number): string {
  const vars = Array.from({ length: count }, (_, i) => `  v${i}: { description: *d }`);
  return [`d: &d "${'x'.repeat(size)}"`, 'variables:', ...vars].join('\n');
}

const deepIndent = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v';

const DEEP = /nest deeper than 32 levels/;
const TOO_LONG = /characters long, over the limit/;

/** Rows that hold for front matter and env.yaml alike. */
export const HOSTILE_YAML: HostileYaml[] = [
  {
    why: '200,000 open flow brackets (aborted the process with a V8 regexp OOM)',
    yaml: `x: ${'['.repeat(200_000)}`,
    reported: /over the limit|nest deeper/,
  },
  {
    why: '40 open flow brackets: deeper than the limit',
    yaml: `x: ${'['.repeat(40)}`,
    reported: DEEP,
  },
  { why: 'mixed flow mappings and lists', yaml: `x: ${'{a: ['.repeat(30)}`, reported: DEEP },
  {
    why: 'brackets inside a quoted string are text',
    yaml: `x: "${'['.repeat(500)}"`,
    reported: undefined,
  },
  {
    why: 'nested explicit keys cost the parser exponential time',
    yaml: `? ${'? '.repeat(400)}a`,
    reported: DEEP,
  },
  { why: 'compact nested sequences', yaml: `${'- '.repeat(5_000)}a`, reported: DEEP },
  { why: 'deep block indentation', yaml: deepIndent(40), reported: DEEP },
  { why: 'billion laughs', yaml: laughs, reported: /too many aliases/ },
  {
    why: 'one anchor aliased 99 times expands past the bound',
    yaml: aliasFanOut(99, 30_000),
    reported: /aliases expanded|over the limit/,
    envReported: null,
  },
  {
    why: 'an anchor that contains itself',
    yaml: 'a: &a\n  b: *a',
    reported: /refers to a collection that contains it/,
  },
  { why: 'a list that contains itself', yaml: 'a: &a [1, *a]', reported: /contains it/ },
  {
    why: 'a 900 KB single-line value',
    yaml: `a: ${'v'.repeat(900_000)}`,
    reported: TOO_LONG,
    envReported: null,
  },
  {
    why: 'a 900 KB quoted key',
    yaml: `"${'k'.repeat(900_000)}": 1`,
    reported: TOO_LONG,
    envReported: /at most 1024 chars/,
  },
  {
    why: 'a 900 KB explicit key',
    yaml: `? ${'k'.repeat(900_000)}\n: 1`,
    reported: TOO_LONG,
    envReported: null,
  },
  { why: 'duplicate keys', yaml: 'a: 1\nb: 2\na: 3', reported: /unique/ },
  { why: 'an unclosed bracket', yaml: 'a: [1, 2\nb: 3', reported: /./ },
];

/** Many nested `[`: the reproduction of the abort. Fits under the 1 MiB runbook limit. */
export function deepBracketRunbook(title: string): string {
  return `---\nx: ${'['.repeat(200_000)}\n---\n# ${title}\n`;
}

/**
 * Front matter whose 99 variable descriptions are one alias to a `size`-character string: at
 * 900,000 it made one list_runbooks answer weigh 89 MB.
 */
export function aliasBombRunbook(size = 900_000): string {
  return `---\n${aliasFanOut(99, size)}\n---\n# Alias bomb\n`;
}
