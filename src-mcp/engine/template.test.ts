import { describe, expect, it } from 'vitest';
import {
  envPaths,
  findPlaceholders,
  renderLenient,
  renderStrict,
  variableNames,
  type TemplateContext,
} from './template.js';
import type { Unresolved } from './types.js';
import { thrownRunbookError } from '../test-support/thrown.js';

const ENV = {
  db: { host: 'db.internal', port: 5432, ssl: true, ratio: 1.5, empty: null },
  deployments: { prod: { namespace: 'shop-prod' }, staging: { namespace: 'shop-stg' } },
  'my-key': { 'a.b': 'dotted', 'with space': 'spaced' },
  hosts: ['web-1', 'web-2'],
  secrets: { token: 's3cr3t' },
  templ: 'x={var.x}',
  clusters: { 'eu-primary': { host: 'eu-db' }, 'eu-replica': { host: 'eu-ro' } },
  roles: { prod_reader: 'ro-user', AB: 'ab' },
};
const VARS = {
  name: 'prod',
  x: 'X',
  a: 'A',
  b: 'B',
  dir: 'logs',
  tricky: '{env[secrets][token]}',
  region: 'eu',
  role: 'reader',
};
const ctx = (extra: Partial<TemplateContext> = {}): TemplateContext => ({
  vars: VARS,
  env: ENV,
  ...extra,
});

describe('renderStrict output', () => {
  const rows: { why: string; text: string; out: string; vars?: Record<string, string> }[] = [
    { why: 'a variable takes the user value', text: 'ns={var.name}', out: 'ns=prod' },
    { why: 'env reads nested keys', text: 'h={env[db][host]}', out: 'h=db.internal' },
    { why: 'a number prints as YAML does', text: '{env[db][port]}', out: '5432' },
    { why: 'a boolean prints as YAML does (not Python True)', text: '{env[db][ssl]}', out: 'true' },
    { why: 'a float prints as YAML does', text: '{env[db][ratio]}', out: '1.5' },
    { why: 'a list takes a numeric index', text: '{env[hosts][1]}', out: 'web-2' },
    {
      why: 'variables are substituted inside env paths first',
      text: 'kubectl -n {env[deployments][{var.name}][namespace]} get pods',
      out: 'kubectl -n shop-prod get pods',
    },
    {
      why: 'a key may mix a variable and text (the earlier tool filled variables first)',
      text: 'psql -h {env[clusters][{var.region}-primary][host]}',
      out: 'psql -h eu-db',
    },
    {
      why: 'a key may mix several variables and text',
      text: '{env[roles][{var.name}_{var.role}]}',
      out: 'ro-user',
    },
    {
      why: 'a key may be two variables side by side',
      text: '{env[roles][{var.a}{var.b}]}',
      out: 'ab',
    },
    {
      why: 'a built key can end the path, text before the variable',
      text: '{env[clusters][eu-{var.kind}][host]}',
      out: 'eu-ro',
      vars: { kind: 'replica' },
    },
    {
      why: '${var.x} inside a key is shell/Terraform, so the whole path stays as written',
      text: '{env[clusters][${var.region}-primary][host]}',
      out: '{env[clusters][${var.region}-primary][host]}',
    },
    {
      why: 'double braces inside a key stay literal, path included',
      text: '{env[clusters][{{var.region}}-primary]}',
      out: '{env[clusters][{{var.region}}-primary]}',
    },
    {
      why: 'a backslash escapes a whole path with a built key',
      text: '\\{env[clusters][{var.region}-primary][host]}',
      out: '{env[clusters][{var.region}-primary][host]}',
    },
    {
      why: 'a backslash before a var inside a key escapes that var, so the path is text',
      text: '{env[clusters][\\{var.region}-primary]}',
      out: '{env[clusters][{var.region}-primary]}',
    },
    {
      why: 'a brace in a key that is not a variable makes the path text',
      text: '{env[clusters][eu-{job}]} {env[clusters][eu-{var.}]}',
      out: '{env[clusters][eu-{job}]} {env[clusters][eu-{var.}]}',
    },
    { why: 'adjacent placeholders both fill', text: '{var.a}{var.b}', out: 'AB' },
    {
      why: 'keys inside brackets keep dashes, dots and spaces',
      text: '{env[my-key][a.b]} {env[my-key][with space]}',
      out: 'dotted spaced',
    },
    {
      why: 'shell ${VAR} is literal',
      text: 'cd ${HOME} && echo $PATH',
      out: 'cd ${HOME} && echo $PATH',
    },
    { why: 'awk programs are literal', text: "awk '{print $1}' f", out: "awk '{print $1}' f" },
    {
      why: 'PromQL selectors are literal',
      text: 'rate(http_requests_total{job="x",code=~"5.."}[5m])',
      out: 'rate(http_requests_total{job="x",code=~"5.."}[5m])',
    },
    {
      why: 'JSON is literal',
      text: '{"a": {"b": [1, {"c": 2}]}}',
      out: '{"a": {"b": [1, {"c": 2}]}}',
    },
    { why: 'a placeholder inside JSON fills', text: '{"ns": "{var.name}"}', out: '{"ns": "prod"}' },
    {
      why: 'a placeholder before a closing JSON brace fills',
      text: '{"n": {var.x}}',
      out: '{"n": X}',
    },
    {
      why: 'jsonpath is literal',
      text: 'kubectl get pods -o jsonpath=\'{.items[*].metadata.name}{"\\n"}\'',
      out: 'kubectl get pods -o jsonpath=\'{.items[*].metadata.name}{"\\n"}\'',
    },
    {
      why: 'Helm templates are literal',
      text: '{{ .Values.image.tag }}',
      out: '{{ .Values.image.tag }}',
    },
    {
      why: 'Go templates are literal',
      text: "--format '{{range .Items}}{{.Name}}{{end}}'",
      out: "--format '{{range .Items}}{{.Name}}{{end}}'",
    },
    {
      why: 'double braces around a var stay literal (Jinja style)',
      text: '{{var.x}}',
      out: '{{var.x}}',
    },
    {
      why: 'double braces around an env path stay literal',
      text: '{{env[db][host]}}',
      out: '{{env[db][host]}}',
    },
    {
      why: 'Terraform ${var.x} stays literal',
      text: '"${var.region}-db"',
      out: '"${var.region}-db"',
    },
    { why: '${env[..]} stays literal', text: '${env[db][host]}', out: '${env[db][host]}' },
    { why: 'an empty var name is not a placeholder', text: '{var.}', out: '{var.}' },
    {
      why: 'an empty env path is not a placeholder',
      text: '{env[]} {env} {env[db][]}',
      out: '{env[]} {env} {env[db][]}',
    },
    { why: 'an unterminated env path is literal', text: 'x {env[a] y', out: 'x {env[a] y' },
    { why: 'an unclosed bracket is literal', text: '{env[db][host}', out: '{env[db][host}' },
    {
      why: 'spaces inside the braces make it literal',
      text: '{ var.x } {var.x }',
      out: '{ var.x } {var.x }',
    },
    { why: 'a dotted name is not one Python attribute', text: '{var.a.b}', out: '{var.a.b}' },
    {
      why: 'a dashed name is not a Python identifier',
      text: '{var.my-name}',
      out: '{var.my-name}',
    },
    { why: 'a name cannot start with a digit', text: '{var.1x}', out: '{var.1x}' },
    { why: 'a placeholder cannot span lines (var)', text: '{var.\nx}', out: '{var.\nx}' },
    {
      why: 'a placeholder cannot span lines (env)',
      text: '{env[db]\n[host]}',
      out: '{env[db]\n[host]}',
    },
    { why: 'a key cannot hold a line break', text: '{env[db][ho\nst]}', out: '{env[db][ho\nst]}' },
    {
      why: 'a backslash escapes a var placeholder',
      text: 'write \\{var.name}',
      out: 'write {var.name}',
    },
    {
      why: 'a backslash escapes a whole env path, nested var included',
      text: '\\{env[deployments][{var.name}][namespace]}',
      out: '{env[deployments][{var.name}][namespace]}',
    },
    {
      why: 'a backslash before anything else stays',
      text: 'echo a\\nb \\$HOME \\{notaplaceholder} \\\\ grep -E "x\\{2\\}"',
      out: 'echo a\\nb \\$HOME \\{notaplaceholder} \\\\ grep -E "x\\{2\\}"',
    },
    {
      why: 'an escaped backslash before a placeholder gives one backslash and the value',
      text: 'C:\\\\{var.dir}',
      out: 'C:\\logs',
    },
    {
      why: 'three backslashes give one backslash and the placeholder',
      text: '\\\\\\{var.dir}',
      out: '\\{var.dir}',
    },
    {
      why: 'a value that looks like a placeholder is not expanded',
      text: '{var.tricky}',
      out: '{env[secrets][token]}',
    },
    { why: 'an env value holding {var.x} is not expanded', text: '{env[templ]}', out: 'x={var.x}' },
    {
      why: 'CRLF line ends are kept',
      text: 'a {var.x}\r\nb {env[db][host]}\r\n',
      out: 'a X\r\nb db.internal\r\n',
    },
    {
      why: 'unicode around placeholders is kept',
      text: 'héllo 🚀 {var.x} ✓ «{env[db][host]}»',
      out: 'héllo 🚀 X ✓ «db.internal»',
    },
    {
      why: 'a value with regex specials is inserted as is',
      text: '{var.x}',
      out: '$& $1 \\',
      vars: { x: '$& $1 \\' },
    },
    { why: 'an empty string is a value', text: '[{var.x}]', out: '[]', vars: { x: '' } },
    { why: 'text without placeholders is untouched', text: '', out: '' },
  ];
  it.each(rows)('$why', ({ text, out, vars }) => {
    expect(renderStrict(text, ctx(vars ? { vars } : {}))).toBe(out);
  });
});

describe('renderStrict errors', () => {
  const rows: {
    why: string;
    text: string;
    vars?: Record<string, string>;
    lineOffset?: number;
    code: string;
    says: string[];
    never?: string[];
    keys: string[];
  }[] = [
    {
      why: 'a missing variable',
      text: 'a\n{var.nope}',
      code: 'missing-values',
      says: ['line 2: var.nope has no value'],
      keys: ['var.nope'],
    },
    {
      why: 'lines count from the file, not the body',
      text: 'a\n{var.nope}',
      lineOffset: 10,
      code: 'missing-values',
      says: ['line 12:'],
      keys: ['var.nope'],
    },
    {
      why: 'a missing env key names the keys that exist',
      text: '{env[db][user]}',
      code: 'missing-values',
      says: [
        'env[db][user] not found: env[db] has no key "user" (it has: host, port, ssl, ratio, empty)',
      ],
      keys: ['env[db][user]'],
    },
    {
      why: 'a missing top-level key',
      text: '{env[nope]}',
      code: 'missing-values',
      says: ['env has no key "nope"'],
      keys: ['env[nope]'],
    },
    {
      why: 'null is missing',
      text: '{env[db][empty]}',
      code: 'missing-values',
      says: ['env[db][empty] is empty (null)'],
      keys: ['env[db][empty]'],
    },
    {
      why: 'a list index out of range',
      text: '{env[hosts][5]}',
      code: 'missing-values',
      says: ['env[hosts] is a list of 2 items'],
      keys: ['env[hosts][5]'],
    },
    {
      why: 'a key under a single value',
      text: '{env[db][host][x]}',
      code: 'missing-values',
      says: ['env[db][host] is a single value, not a mapping'],
      never: ['db.internal'],
      keys: ['env[db][host][x]'],
    },
    {
      why: 'a mapping is not a scalar',
      text: '{env[db]}',
      code: 'not-scalar',
      says: ['env[db] is a mapping', 'host, port', 'env[db][host]'],
      keys: ['env[db]'],
    },
    {
      why: 'a list is not a scalar',
      text: '{env[hosts]}',
      code: 'not-scalar',
      says: ['env[hosts] is a list of 2 items', 'env[hosts][0]'],
      never: ['web-1'],
      keys: ['env[hosts]'],
    },
    {
      why: 'env values (secrets) never appear in messages',
      text: '{env[secrets]}',
      code: 'not-scalar',
      says: ['token'],
      never: ['s3cr3t'],
      keys: ['env[secrets]'],
    },
    {
      why: 'a missing var inside an env path reports the var only, once',
      text: '{env[deployments][{var.missing}][{var.missing}]}',
      code: 'missing-values',
      says: ['line 1: var.missing has no value'],
      never: ['env[deployments]'],
      keys: ['var.missing'],
    },
    {
      why: 'a filled var inside a missing env path shows the path after substitution',
      text: '{env[deployments][{var.name}][namespace]}',
      vars: { name: 'dev' },
      code: 'missing-values',
      says: [
        'env[deployments][dev][namespace] not found: env[deployments] has no key "dev" (it has: prod, staging)',
      ],
      keys: ['env[deployments][dev][namespace]'],
    },
    {
      why: 'a missing var inside a built key reports the var, not the path',
      text: '{env[clusters][{var.nope}-primary][host]}',
      code: 'missing-values',
      says: ['line 1: var.nope has no value'],
      never: ['env[clusters]', '-primary'],
      keys: ['var.nope'],
    },
    {
      why: 'only the missing one of several vars in a built key is reported',
      text: '{env[roles][{var.name}_{var.nope}]}',
      code: 'missing-values',
      says: ['var.nope has no value'],
      never: ['var.name', 'env[roles]'],
      keys: ['var.nope'],
    },
    {
      why: 'a built key that env lacks is named as built, with the keys that exist',
      text: '{env[clusters][{var.region}-primary][host]}',
      vars: { region: 'us' },
      code: 'missing-values',
      says: [
        'env[clusters][us-primary][host] not found: env[clusters] has no key "us-primary" (it has: eu-primary, eu-replica)',
      ],
      keys: ['env[clusters][us-primary][host]'],
    },
    {
      why: 'a value that looks like a variable goes into a built key as is, never expanded',
      text: '{env[roles][{var.x}_reader]}',
      vars: { x: '{var.name}', name: 'prod' },
      code: 'missing-values',
      says: ['env[roles][{var.name}_reader] not found: env[roles] has no key "{var.name}_reader"'],
      keys: ['env[roles][{var.name}_reader]'],
    },
    {
      why: 'a built key that names a mapping is not a scalar',
      text: '{env[clusters][{var.region}-primary]}',
      code: 'not-scalar',
      says: ['env[clusters][eu-primary] is a mapping', 'env[clusters][eu-primary][host]'],
      never: ['eu-db'],
      keys: ['env[clusters][eu-primary]'],
    },
    {
      why: 'Object prototype names are not variables',
      text: '{var.constructor}',
      code: 'missing-values',
      says: ['var.constructor'],
      keys: ['var.constructor'],
    },
    {
      why: 'Object prototype names are not env keys',
      text: '{env[toString]}',
      code: 'missing-values',
      says: ['env[toString]'],
      keys: ['env[toString]'],
    },
    {
      why: 'every problem is in one error, repeated ones once with all their lines',
      text: '{var.m1}\n{env[x]}\n{var.m1} {env[db]}',
      code: 'missing-values',
      says: [
        '2 values are missing and 1 placeholder needs a single value',
        'lines 1, 3: var.m1',
        'line 2: env[x]',
        'line 3: env[db] is a mapping',
      ],
      keys: ['var.m1', 'env[x]', 'var.m1', 'env[db]'],
    },
  ];
  it.each(rows)('$why', ({ text, vars, lineOffset, code, says, never = [], keys }) => {
    const err = thrownRunbookError(() =>
      renderStrict(text, ctx({ file: 'docs/db.md', lineOffset, ...(vars ? { vars } : {}) })),
    );
    expect(err.code).toBe(code);
    expect(err.file).toBe('docs/db.md');
    for (const s of says) expect(err.message).toContain(s);
    for (const s of never) expect(err.describe()).not.toContain(s);
    expect((err.details as Unresolved[]).map((u) => u.key)).toEqual(keys);
    expect(err.fix).toBeTruthy();
  });

  it('names the first problem as the location and the fix names the variables', () => {
    const err = thrownRunbookError(() =>
      renderStrict('ok\n  {var.p} {var.q}', ctx({ file: 'a.md', lineOffset: 4 })),
    );
    expect([err.line, err.column, err.key]).toEqual([6, 3, 'var.p']);
    expect(err.describe()).toMatch(/^a\.md:6:3: 2 values are missing:/);
    expect(err.fix).toContain('p, q');
  });
  it('points at the missing variable inside a built key', () => {
    const err = thrownRunbookError(() => renderStrict('x {env[c][eu-{var.nope}]}', ctx()));
    expect([err.line, err.column, err.key]).toEqual([1, 14, 'var.nope']);
  });
  it('shortens a long list of lines for one repeated problem', () => {
    const err = thrownRunbookError(() => renderStrict('{var.m}\n'.repeat(12), ctx()));
    expect(err.message).toBe(
      '1 value is missing:\n  lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more: var.m has no value',
    );
    expect(err.details).toHaveLength(12);
  });
});

describe('renderLenient', () => {
  const rows: {
    why: string;
    text: string;
    out: string;
    marked: string[];
    kinds: Unresolved['kind'][];
  }[] = [
    {
      why: 'unresolved placeholders stay as written and are marked',
      text: 'a {var.nope} b {env[db][host]} c {env[x]}',
      out: 'a {var.nope} b db.internal c {env[x]}',
      marked: ['{var.nope}', '{env[x]}'],
      kinds: ['var', 'env'],
    },
    {
      why: 'offsets follow the output after backslashes were halved and values inserted',
      text: '\\\\{var.dir} {var.name}{var.nope} \\{var.x}',
      out: '\\logs prod{var.nope} {var.x}',
      marked: ['{var.nope}'],
      kinds: ['var'],
    },
    {
      why: 'a missing var inside an env path marks the whole placeholder',
      text: '-n {env[deployments][{var.env}][namespace]}!',
      out: '-n {env[deployments][{var.env}][namespace]}!',
      marked: ['{env[deployments][{var.env}][namespace]}'],
      kinds: ['var'],
    },
    {
      why: 'a missing var inside a built key marks the whole placeholder',
      text: '-h {env[clusters][{var.zone}-primary][host]} {env[clusters][{var.region}-primary][host]}',
      out: '-h {env[clusters][{var.zone}-primary][host]} eu-db',
      marked: ['{env[clusters][{var.zone}-primary][host]}'],
      kinds: ['var'],
    },
    {
      why: 'not-scalar is marked too',
      text: 'é {env[hosts]}',
      out: 'é {env[hosts]}',
      marked: ['{env[hosts]}'],
      kinds: ['not-scalar'],
    },
    {
      why: 'nothing to mark',
      text: '{var.x} {job="a"}',
      out: 'X {job="a"}',
      marked: [],
      kinds: [],
    },
  ];
  it.each(rows)('$why', ({ text, out, marked, kinds }) => {
    const r = renderLenient(text, ctx({ file: 'f.md' }));
    expect(r.text).toBe(out);
    expect(r.unresolved.map((u) => r.text.slice(u.start, u.end))).toEqual(marked);
    expect(r.unresolved.map((u) => u.kind)).toEqual(kinds);
    expect(r.diagnostics.map((d) => d.message)).toEqual(r.unresolved.map((u) => u.message));
    expect(r.diagnostics.every((d) => d.file === 'f.md' && d.severity === 'error')).toBe(true);
  });

  it('gives the same messages as strict', () => {
    const text = '{var.a1} {env[db]} {env[nope]}';
    const lenient = renderLenient(text, ctx());
    const err = thrownRunbookError(() => renderStrict(text, ctx()));
    for (const d of lenient.diagnostics) expect(err.message).toContain(d.message);
    expect(lenient.diagnostics.map((d) => d.code)).toEqual([
      'missing-values',
      'not-scalar',
      'missing-values',
    ]);
  });
});

describe('findPlaceholders, variableNames, envPaths', () => {
  const text = [
    'a {var.b} {env[d][{var.a}]} {var.b}',
    '\\{var.c} ${var.d} {{var.e}} {env[x]} {env[d][{var.a}]}',
  ].join('\r\n');

  it('finds the real placeholders with lines and columns (CRLF counted once)', () => {
    const found = findPlaceholders(text);
    expect(found.map((p) => [p.raw, p.line, p.column])).toEqual([
      ['{var.b}', 1, 3],
      ['{env[d][{var.a}]}', 1, 11],
      ['{var.b}', 1, 29],
      ['{env[x]}', 2, 29],
      ['{env[d][{var.a}]}', 2, 38],
    ]);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.raw);
    expect(found[1]).toMatchObject({ kind: 'env', path: [{ key: 'd' }, { variable: 'a' }] });
    expect(found[0]).toMatchObject({ kind: 'var', variable: 'b' });
  });

  it('lists variables once, in order of first use, nested ones included', () => {
    expect(variableNames(text)).toEqual(['b', 'a']);
  });

  it('lists each env path once', () => {
    expect(envPaths(text)).toEqual([[{ key: 'd' }, { variable: 'a' }], [{ key: 'x' }]]);
  });

  it('gives a key built from text and variables its own shape; plain keys and lone vars keep theirs', () => {
    const [found] = findPlaceholders('{env[c][{var.r}-primary][{var.n}][db_{var.e}_{var.n}][k]}');
    expect(found?.path).toEqual([
      { key: 'c' },
      { parts: [{ variable: 'r' }, '-primary'] },
      { variable: 'n' },
      { parts: ['db_', { variable: 'e' }, '_', { variable: 'n' }] },
      { key: 'k' },
    ]);
  });

  it('lists the variables inside built keys, in order of first use', () => {
    expect(
      variableNames('{var.z} {env[db][{var.env}_{var.role}]} {var.env} \\{env[a][{var.q}-x]}'),
    ).toEqual(['z', 'env', 'role']);
  });

  it('finds nothing in text that only has other braces', () => {
    expect(
      findPlaceholders('${HOME} {job="x"} {{ .Values }} {.items[*]} {var.} \\{var.a}'),
    ).toEqual([]);
  });
});

describe('large input', () => {
  it('renders a 1 MiB file of braces and placeholders in one pass, exactly', () => {
    const chunk = 'rate(x{job="a"}[5m]) {var.x} ${HOME} {env[db][port]} {{ .V }} {env[\n';
    const text = chunk.repeat(Math.ceil((1 << 20) / chunk.length));
    const out = renderStrict(text, ctx());
    expect(out).toBe(text.replaceAll('{var.x}', 'X').replaceAll('{env[db][port]}', '5432'));
  });

  it('handles a huge unterminated env path without blowing up', () => {
    const text = `{env[${'[a]'.repeat(100_000)}`;
    expect(renderStrict(text, ctx())).toBe(text);
  });

  it('refuses output that a repeated large value would blow up, naming the file', () => {
    const big: TemplateContext = { vars: { v: 'x'.repeat(64 * 1024) }, env: {}, file: 'a.md' };
    const text = '{var.v}\n'.repeat(200);
    const error = thrownRunbookError(() => renderStrict(text, big));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('a.md');
    expect(thrownRunbookError(() => renderLenient(text, big)).code).toBe('too-large');
  });
});

describe('{include[name]} in the scanner and the render', () => {
  const includes = new Map([
    [
      'common/pre',
      { name: 'common/pre', path: 'common/pre.md', body: 'pre {var.x}\n', bodyLine: 4 },
    ],
  ]);
  const rows: { why: string; text: string; found: string[]; out: string }[] = [
    {
      why: 'an include inserts the body with the same values, its last line break dropped',
      text: '{include[common/pre]}\nnext',
      found: ['common/pre'],
      out: 'pre X\nnext',
    },
    {
      why: 'a name may hold spaces, dots and dashes, as a file name does',
      text: '{include[a b.c-d]}',
      found: ['a b.c-d'],
      out: '{include[a b.c-d]}',
    },
    {
      why: 'shell ${...} is never an include',
      text: '${include[common/pre]}',
      found: [],
      out: '${include[common/pre]}',
    },
    {
      why: 'Helm {{ }} is never an include',
      text: '{{include[common/pre]}}',
      found: [],
      out: '{{include[common/pre]}}',
    },
    {
      why: 'Helm’s own include function stays as written',
      text: '{{ include "x.labels" . }}',
      found: [],
      out: '{{ include "x.labels" . }}',
    },
    {
      why: 'a backslash escapes it',
      text: '\\{include[common/pre]}',
      found: [],
      out: '{include[common/pre]}',
    },
    { why: 'an empty name is no include', text: '{include[]}', found: [], out: '{include[]}' },
    {
      why: 'two brackets are no include',
      text: '{include[a][b]}',
      found: [],
      out: '{include[a][b]}',
    },
    {
      why: 'spaces inside the braces make it text',
      text: '{ include[common/pre] }',
      found: [],
      out: '{ include[common/pre] }',
    },
    {
      why: 'an unclosed one is text',
      text: '{include[common/pre]',
      found: [],
      out: '{include[common/pre]',
    },
    {
      why: 'a line break ends the name',
      text: '{include[common\n/pre]}',
      found: [],
      out: '{include[common\n/pre]}',
    },
    {
      why: 'a brace inside the name makes it text',
      text: '{include[{var.x}]}',
      found: [],
      out: '{include[X]}',
    },
    {
      why: 'PromQL and JSON that mention include stay',
      text: 'up{include="x"} {"include": [1]}',
      found: [],
      out: 'up{include="x"} {"include": [1]}',
    },
    {
      why: 'a different word is not an include',
      text: '{includes[common/pre]}',
      found: [],
      out: '{includes[common/pre]}',
    },
  ];
  it.each(rows)('$why', ({ text, found, out }) => {
    expect(findPlaceholders(text).flatMap((p) => p.include ?? [])).toEqual(found);
    expect(renderStrict(text, ctx({ includes }))).toBe(out);
  });

  it('reports a missing value inside an included body with its own file and line', () => {
    const result = renderLenient('{include[common/pre]}', { vars: {}, env: {}, includes });
    expect(result.unresolved).toMatchObject([{ key: 'var.x', line: 4, file: 'common/pre.md' }]);
    expect(result.diagnostics[0]).toMatchObject({ file: 'common/pre.md', line: 4 });
  });
});
