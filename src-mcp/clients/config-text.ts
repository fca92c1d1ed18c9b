import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { RunbookError } from '../engine/errors.js';
import { jsoncRefused } from './unreadable-config.js';

export type JsonObject = Record<string, unknown>;

/** How the file is laid out, so an inserted entry looks like its neighbours. */
export interface TextLayout {
  eol: '\n' | '\r\n';
  /** One level of indentation: spaces or a tab. */
  indent: string;
}

/**
 * A parsed config kept as text: edits splice bytes into `body` at the tree's offsets, so numbers,
 * escapes, duplicate keys and key order elsewhere in the file stay exactly as written.
 */
export interface ConfigDocument {
  bom: boolean;
  /** The text after the BOM; the tree's offsets point into it. */
  body: string;
  /** The top-level object; undefined for an empty or whitespace-only file. */
  root?: Node;
  layout: TextLayout;
}

export interface ParseOptions {
  /** The client reads comments and trailing commas (VS Code, Cursor); Claude Desktop does not. */
  jsonc: boolean;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a client config; anything that is not an object the client can read is refused here. */
export function parseConfigText(text: string, file: string, options: ParseOptions): ConfigDocument {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const layout = detectLayout(body);
  if (body.trim() === '') return { bom, body, layout };
  const root = parseStrictly(body, file, options);
  if (root.type !== 'object') {
    throw new RunbookError(
      'invalid-json',
      `The file holds JSON, but its top level is ${TOP_LEVEL[root.type]}, not an object.`,
      {
        file,
        ...lineColumn(body, root.offset),
        fix: 'Make the file a JSON object ({ … }) or move it aside; nothing was changed.',
      },
    );
  }
  return { bom, body, root, layout };
}

const TOP_LEVEL: Record<Node['type'], string> = {
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  object: 'an object',
  property: 'a property',
};

function parseStrictly(body: string, file: string, options: ParseOptions): Node {
  const errors: ParseError[] = [];
  const root = parseWithinStack(file, () =>
    parseTree(body, errors, {
      disallowComments: !options.jsonc,
      allowTrailingComma: options.jsonc,
      allowEmptyContent: false,
    }),
  );
  const first = errors[0];
  if (root && !first) return root;
  const offset = first ? exactOffset(body, first) : 0;
  const where = { file, ...lineColumn(body, offset) };
  if (!options.jsonc && isValidJsonc(body)) {
    throw jsoncRefused(where);
  }
  const lineBreak = body[offset] === '\n' || body[offset] === '\r';
  const problem = lineBreak
    ? PROBLEMS.InvalidCharacter
    : first
      ? problemText(first)
      : 'no JSON value';
  throw new RunbookError('invalid-json', `The file is not valid JSON: ${problem}.`, {
    ...where,
    fix: 'Fix the file at that place (or move it aside) and run this again; nothing was changed.',
  });
}

const STRING_ERRORS = [
  'InvalidCharacter',
  'InvalidEscapeCharacter',
  'InvalidUnicode',
  'UnexpectedEndOfString',
];

/** jsonc-parser points at the start of a bad string or at the `}` after a trailing comma: go closer. */
function exactOffset(body: string, error: ParseError): number {
  const code = printParseErrorCode(error.error);
  if (STRING_ERRORS.includes(code)) {
    for (let at = error.offset + 1; at < body.length; at++) {
      const c = body.charCodeAt(at);
      if (c < 0x20) return at;
      if (c === 0x22) break;
      if (c === 0x5c && !/^\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(body.slice(at, at + 6))) return at;
      if (c === 0x5c) at++;
    }
  }
  const before = body.slice(0, error.offset).trimEnd();
  const closing = body[error.offset] === '}' || body[error.offset] === ']';
  return closing && before.endsWith(',') ? before.length - 1 : error.offset;
}

/** jsonc-parser recurses per nesting level; a file nested many thousands deep is refused, not a crash. */
function parseWithinStack(file: string, parse: () => Node | undefined): Node | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RunbookError('invalid-json', 'The file is nested too deeply to edit safely.', {
      file,
      fix: 'Add the entry by hand, or flatten the file; nothing was changed.',
      cause: error,
    });
  }
}

function isValidJsonc(body: string): boolean {
  const errors: ParseError[] = [];
  parseTree(body, errors, { allowTrailingComma: true, allowEmptyContent: false });
  return errors.length === 0;
}

const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'a comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control character in a string (escape it)',
};

function problemText(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return PROBLEMS[code] ?? code;
}

/** The file's own line ending and indent unit, so what we add matches what is there. */
export function detectLayout(body: string): TextLayout {
  return {
    eol: body.includes('\r\n') ? '\r\n' : '\n',
    indent: /\n([ \t]+)\S/.exec(body)?.[1] ?? '  ',
  };
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
