/**
 * Finds `{var.x}`, `{env[a][b]}` and `{include[name]}` placeholders in one forward pass, by hand rather than with a
 * regex, so a 1 MiB runbook full of braces (PromQL, JSON, Helm) costs a linear scan and nothing else.
 */
import type { EnvKeyPiece, EnvPathPart, Placeholder } from './types.js';

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const LBRACKET = 0x5b; // [
const RBRACKET = 0x5d; // ]
const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
const LF = 0x0a;
const CR = 0x0d;

/** A nested `{var.x}` inside an env path, with its offsets in the scanned text. */
interface NestedVariable {
  name: string;
  start: number;
  end: number;
}

/** A Placeholder with every field always present: one object shape keeps a 1 MiB scan fast. */
export interface ScannedPlaceholder extends Required<
  Omit<Placeholder, 'variable' | 'path' | 'include'>
> {
  variable: string | undefined;
  path: EnvPathPart[] | undefined;
  /** For `include`: the runbook name as written. */
  include: string | undefined;
  /** For `env`: every `{var.x}` in the path, those inside built keys included, in order. */
  nested: NestedVariable[];
  /** Backslashes directly before the placeholder; they start at `start - slashes`. */
  slashes: number;
}

/**
 * Every syntactically valid placeholder, in order, including escaped ones (odd `slashes`).
 * A `{` right after `$` (shell, Terraform `${var.x}`) or after `{` (Helm/Jinja `{{var.x}}`) never
 * starts one: those braces belong to other languages and must come out as written.
 */
export function scanPlaceholders(text: string): ScannedPlaceholder[] {
  const found: ScannedPlaceholder[] = [];
  const lines = new LineCounter(text);
  let i = text.indexOf('{');
  while (i !== -1) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
    const parsed = prev === DOLLAR || prev === OPEN ? undefined : parseAt(text, i);
    if (!parsed) {
      i = text.indexOf('{', i + 1);
      continue;
    }
    const { line, column } = lines.positionOf(i);
    found.push({
      kind: parsed.kind,
      raw: text.slice(i, parsed.end),
      start: i,
      end: parsed.end,
      line,
      column,
      variable: parsed.variable,
      path: parsed.path,
      include: parsed.include,
      nested: parsed.nested,
      slashes: countBackslashesBefore(text, i),
    });
    i = text.indexOf('{', parsed.end);
  }
  return found;
}

/** The real (unescaped) placeholders, as the public API shows them. */
export function toPlaceholder(p: ScannedPlaceholder): Placeholder {
  const { kind, raw, start, end, line, column } = p;
  const placeholder: Placeholder = { kind, raw, start, end, line, column };
  if (p.variable !== undefined) placeholder.variable = p.variable;
  if (p.path !== undefined) placeholder.path = p.path;
  if (p.include !== undefined) placeholder.include = p.include;
  return placeholder;
}

export function isEscaped(p: ScannedPlaceholder): boolean {
  return p.slashes % 2 === 1;
}

type Parsed = Pick<ScannedPlaceholder, 'kind' | 'end' | 'variable' | 'path' | 'include' | 'nested'>;

function parseAt(text: string, start: number): Parsed | undefined {
  if (text.startsWith('var.', start + 1)) {
    const variable = parseVariable(text, start);
    if (!variable) return undefined;
    return {
      kind: 'var',
      end: variable.end,
      variable: variable.name,
      path: undefined,
      include: undefined,
      nested: [],
    };
  }
  if (text.startsWith('env[', start + 1)) return parseEnv(text, start);
  if (text.startsWith('include[', start + 1)) return parseInclude(text, start);
  return undefined;
}

/**
 * `{include[name]}`: one bracket holding a runbook name as written (no brackets, braces or line
 * break), closed by `]}` at once; `{include[a][b]}` or `{include[]}` are not includes.
 */
function parseInclude(text: string, start: number): Parsed | undefined {
  const nameStart = start + 9;
  let j = nameStart;
  while (isKeyChar(text.charCodeAt(j))) j++;
  if (j === nameStart || text.charCodeAt(j) !== RBRACKET || text.charCodeAt(j + 1) !== CLOSE)
    return undefined;
  const include = text.slice(nameStart, j);
  return { kind: 'include', end: j + 2, variable: undefined, path: undefined, include, nested: [] };
}

/** `{var.name}` at `start`; the name is a Python identifier, as the earlier tool's str.format took it. */
function parseVariable(text: string, start: number): NestedVariable | undefined {
  const nameStart = start + 5;
  let j = nameStart;
  if (!isIdentifierStart(text.charCodeAt(j))) return undefined;
  j++;
  while (isIdentifierPart(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) !== CLOSE) return undefined;
  return { name: text.slice(nameStart, j), start, end: j + 1 };
}

function parseEnv(text: string, start: number): Parsed | undefined {
  const path: EnvPathPart[] = [];
  const nested: NestedVariable[] = [];
  let j = start + 4;
  while (text.charCodeAt(j) === LBRACKET) {
    const key = parseKey(text, j + 1, nested);
    if (!key) return undefined;
    path.push(key.part);
    j = key.end + 1;
  }
  if (path.length === 0 || text.charCodeAt(j) !== CLOSE) return undefined;
  return { kind: 'env', end: j + 1, variable: undefined, path, include: undefined, nested };
}

/**
 * The key from `from` up to its `]`: text, `{var.x}`, or both mixed (`{var.region}-primary`), as the
 * earlier tool filled variables before it looked the path up. Its variables are added to `nested`.
 * A `{` after `$` or `\` stays another language's brace or an escape, so then the path is not one.
 */
function parseKey(
  text: string,
  from: number,
  nested: NestedVariable[],
): { part: EnvPathPart; end: number } | undefined {
  const pieces: EnvKeyPiece[] = [];
  let j = from;
  while (text.charCodeAt(j) !== RBRACKET) {
    if (text.charCodeAt(j) === OPEN) {
      const prev = text.charCodeAt(j - 1);
      if (prev === DOLLAR || prev === BACKSLASH || !text.startsWith('var.', j + 1))
        return undefined;
      const variable = parseVariable(text, j);
      if (!variable) return undefined;
      pieces.push({ variable: variable.name });
      nested.push(variable);
      j = variable.end;
      continue;
    }
    const textStart = j;
    while (isKeyChar(text.charCodeAt(j))) j++;
    if (j === textStart) return undefined;
    pieces.push(text.slice(textStart, j));
  }
  const part = toPathPart(pieces);
  return part && { part, end: j };
}

/** A plain key or a lone variable keep their own shapes; only a real mix is a built key. */
function toPathPart(pieces: EnvKeyPiece[]): EnvPathPart | undefined {
  const [first] = pieces;
  if (first === undefined) return undefined;
  if (pieces.length > 1) return { parts: pieces };
  return typeof first === 'string' ? { key: first } : { variable: first.variable };
}

function countBackslashesBefore(text: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === BACKSLASH) n++;
  return n;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 0x30 && c <= 0x39);
}

/** Keys may hold dashes, dots and spaces; never brackets, braces or a line break (NaN: end of text). */
function isKeyChar(c: number): boolean {
  return (
    !Number.isNaN(c) &&
    c !== LBRACKET &&
    c !== RBRACKET &&
    c !== OPEN &&
    c !== CLOSE &&
    c !== LF &&
    c !== CR
  );
}

/** 1-based line and column of increasing offsets; each line break is looked up once. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private nextBreak: number;
  private last = 0;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }

  positionOf(offset: number): { line: number; column: number } {
    if (offset < this.last) this.reset();
    this.last = offset;
    while (this.nextBreak !== -1 && this.nextBreak < offset) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.text.indexOf('\n', this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  private reset(): void {
    this.line = 1;
    this.lineStart = 0;
    this.nextBreak = this.text.indexOf('\n');
  }
}
