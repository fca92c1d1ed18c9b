import { describe, expect, it } from 'vitest';
import { RunbookError } from '../engine/errors.js';
import { detectLayout, parseConfigText, serializeConfig } from './config-text.js';
import { findJsonProblem } from './json-scan.js';

function parseError(text: string): RunbookError {
  try {
    parseConfigText(text, 'cfg.json');
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

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
      message: /end of file|property name/,
    },
    {
      why: 'unquoted key (JSON5, not JSONC)',
      text: '{\n  mcpServers: {}\n}',
      line: 2,
      column: 3,
      message: /double quotes/,
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
      message: /trailing comma/,
    },
    {
      why: 'trailing comma in array is JSONC',
      text: '{"a": [1, 2,]}',
      line: 1,
      column: 12,
      jsonc: true,
      message: /trailing comma/,
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
    expect(parseError('[{"mcpServers": {}}]').message).toMatch(/top level is not an object/);
    expect(parseError('"text"').message).toMatch(/top level is not an object/);
  });
});

describe('findJsonProblem agrees with JSON.parse on valid text', () => {
  const valid = [
    '{}',
    '[]',
    '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}',
    ' \r\n{"a":{}}\t',
  ];
  it.each(valid)('%s', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(findJsonProblem(text)).toBeUndefined();
  });
});

describe('layout is kept so a rewrite changes only the entry', () => {
  const cases: { why: string; text: string }[] = [
    {
      why: 'two spaces, final newline (what Claude Desktop writes)',
      text: '{\n  "a": {\n    "b": 1\n  }\n}\n',
    },
    { why: 'tabs, no final newline (VS Code style)', text: '{\n\t"a": [\n\t\t1\n\t]\n}' },
    { why: 'four spaces with CRLF (Windows editors)', text: '{\r\n    "a": true\r\n}\r\n' },
    { why: 'a byte order mark survives', text: '\uFEFF{\n  "a": "é"\n}\n' },
  ];
  it.each(cases)('$why', ({ text }) => {
    const doc = parseConfigText(text, 'cfg.json');
    expect(doc.reformats).toBe(false);
    expect(serializeConfig(doc.config, doc.layout)).toBe(text);
  });

  it('flags a file whose spacing re-serialising would change', () => {
    const doc = parseConfigText('{"a": 1, "b": {"c": 2}}', 'cfg.json');
    expect(doc.reformats).toBe(true);
    expect(doc.config).toEqual({ a: 1, b: { c: 2 } });
  });

  it('reads an empty or blank file as an empty config', () => {
    expect(parseConfigText('', 'cfg.json').config).toEqual({});
    expect(parseConfigText(' \n', 'cfg.json').config).toEqual({});
  });

  it('defaults to two spaces when nothing is indented', () => {
    expect(detectLayout('{}').indent).toBe('  ');
  });
});
