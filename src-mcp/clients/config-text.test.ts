import { describe, expect, it } from 'vitest';
import type { RunbookError } from '../engine/errors.js';
import { thrownRunbookError } from '../test-support/thrown.js';
import { detectLayout, parseConfigText } from './config-text.js';

const parseError = (text: string): RunbookError =>
  thrownRunbookError(() => parseConfigText(text, 'cfg.json', { jsonc: false }));

describe('parseConfigText refuses what it cannot rewrite, saying where', () => {
  const cases: {
    why: string;
    text: string;
    line: number;
    column: number;
    jsonc?: boolean;
    message: RegExp;
  }[] = [
    {
      why: 'missing comma between members',
      text: '{\n  "a": 1\n  "b": 2\n}',
      line: 3,
      column: 3,
      message: /expected ","/,
    },
    {
      why: 'unterminated object at end of file',
      text: '{\n  "a": 1,\n  "b": {',
      line: 3,
      column: 9,
      message: /expected "}"/,
    },
    {
      why: 'unquoted key (JSON5, not JSONC)',
      text: '{\n  mcpServers: {}\n}',
      line: 2,
      column: 3,
      message: /unexpected character/,
    },
    {
      why: 'single-quoted string',
      text: '{"a": \'x\'}',
      line: 1,
      column: 7,
      message: /unexpected character/,
    },
    {
      why: 'raw newline inside a string',
      text: '{"a": "x\ny"}',
      line: 1,
      column: 9,
      message: /control character/,
    },
    { why: 'bad escape', text: '{"a": "C:\\Users"}', line: 1, column: 10, message: /escape/ },
    { why: 'two documents', text: '{}\n{}', line: 2, column: 1, message: /after the JSON value/ },
    {
      why: 'unterminated string points at its start',
      text: '{\n "a": "abc',
      line: 2,
      column: 7,
      message: /unterminated/,
    },
    {
      why: 'line comment is JSONC',
      text: '{\n  // servers\n  "a": 1\n}',
      line: 2,
      column: 3,
      jsonc: true,
      message: /comment/,
    },
    {
      why: 'block comment is JSONC',
      text: '{ /* x */ "a": 1 }',
      line: 1,
      column: 3,
      jsonc: true,
      message: /comment/,
    },
    {
      why: 'trailing comma in object is JSONC',
      text: '{\n  "a": 1,\n}',
      line: 2,
      column: 9,
      jsonc: true,
      message: /trailing commas/,
    },
    {
      why: 'trailing comma in array is JSONC',
      text: '{"a": [1, 2,]}',
      line: 1,
      column: 12,
      jsonc: true,
      message: /trailing commas/,
    },
  ];
  it.each(cases)('$why', ({ text, line, column, jsonc, message }) => {
    const error = parseError(text);
    expect(error.code).toBe('invalid-json');
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.message).toMatch(message);
    expect(error.key === 'jsonc').toBe(jsonc ?? false);
    expect(error.describe()).toContain(`cfg.json:${line}:${column}`);
  });

  it('refuses a top level that is not an object', () => {
    expect(parseError('[{"mcpServers": {}}]').message).toMatch(/top level is an array, not/);
    expect(parseError('"text"').message).toMatch(/top level is a string, not an object/);
    expect(parseError('null').message).toMatch(/top level is null, not an object/);
  });
});

describe('what a client can read is accepted', () => {
  const cases: { why: string; text: string; jsonc: boolean }[] = [
    { why: 'empty object', text: '{}', jsonc: false },
    {
      why: 'every value kind',
      text: '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}',
      jsonc: false,
    },
    { why: 'whitespace around', text: ' \r\n{"a":{}}\t', jsonc: false },
    {
      why: 'numbers JSON.parse would round',
      text: '{"a": 12345678901234567890, "b": 1e400, "c": -0}',
      jsonc: false,
    },
    {
      why: 'comments where the client reads JSONC',
      text: '{\n  // x\n  "a": 1, /* y */\n}',
      jsonc: true,
    },
  ];
  it.each(cases)('$why', ({ text, jsonc }) => {
    expect(parseConfigText(text, 'cfg.json', { jsonc }).root?.type).toBe('object');
  });

  it('reads an empty or blank file as no document', () => {
    expect(parseConfigText('', 'cfg.json', { jsonc: false }).root).toBeUndefined();
    expect(parseConfigText(' \n', 'cfg.json', { jsonc: false }).root).toBeUndefined();
  });
});

describe('layout is detected so what is added looks like its neighbours', () => {
  const cases: { why: string; text: string; eol: string; indent: string }[] = [
    {
      why: 'two spaces (what Claude Desktop writes)',
      text: '{\n  "a": 1\n}\n',
      eol: '\n',
      indent: '  ',
    },
    { why: 'tabs (VS Code style)', text: '{\n\t"a": [\n\t\t1\n\t]\n}', eol: '\n', indent: '\t' },
    {
      why: 'four spaces with CRLF',
      text: '{\r\n    "a": true\r\n}\r\n',
      eol: '\r\n',
      indent: '    ',
    },
    { why: 'nothing indented: two spaces', text: '{}', eol: '\n', indent: '  ' },
  ];
  it.each(cases)('$why', ({ text, eol, indent }) => {
    expect(detectLayout(text)).toEqual({ eol, indent });
  });
});
