import { parseDocument } from 'yaml';
import type { Diagnostic, VariableSpec } from './types.js';

export interface FrontMatter {
  title?: string;
  description?: string;
  tags: string[];
  variables: VariableSpec[];
}

export interface SplitDocument {
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  problems: Diagnostic[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Splits optional YAML front matter off a runbook. A broken block is a problem, never fatal. */
export function splitFrontMatter(content: string, file: string): SplitDocument {
  const empty: FrontMatter = { tags: [], variables: [] };
  const opening = OPENING.exec(content);
  if (!opening) return { frontMatter: empty, body: content, bodyLine: 1, problems: [] };
  const rest = content.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { frontMatter: empty, body: content, bodyLine: 1, problems: [] };
  const yamlText = rest.slice(0, closing.index);
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  const bodyLine = 1 + countLines(content.slice(0, bodyStart));
  const parsed = parseFrontMatterYaml(yamlText, file);
  return {
    frontMatter: parsed.frontMatter,
    body: content.slice(bodyStart),
    bodyLine,
    problems: parsed.problems,
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function parseFrontMatterYaml(
  yamlText: string,
  file: string,
): { frontMatter: FrontMatter; problems: Diagnostic[] } {
  const frontMatter: FrontMatter = { tags: [], variables: [] };
  const doc = parseDocument(yamlText, { prettyErrors: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = firstError.linePos?.[0];
    return {
      frontMatter,
      problems: [
        problem(file, `Front matter is not valid YAML: ${firstError.message.split('\n')[0]}`, {
          line: pos ? pos.line + 1 : 1,
          column: pos?.col,
        }),
      ],
    };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { frontMatter, problems: [] };
  if (!isRecord(data)) {
    return {
      frontMatter,
      problems: [problem(file, 'Front matter must be a mapping (key: value lines).', { line: 2 })],
    };
  }
  const problems: Diagnostic[] = [];
  if (typeof data.title === 'string' || typeof data.title === 'number')
    frontMatter.title = String(data.title);
  if (typeof data.description === 'string') frontMatter.description = data.description.trim();
  frontMatter.tags = readTags(data.tags);
  frontMatter.variables = readVariables(data.variables, file, problems);
  return { frontMatter, problems };
}

function readTags(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  if (Array.isArray(value))
    return value.filter((t) => typeof t === 'string' || typeof t === 'number').map(String);
  return [];
}

/** `variables:` as a mapping (name → spec or description) or a list of specs with `name`. */
function readVariables(value: unknown, file: string, problems: Diagnostic[]): VariableSpec[] {
  if (value === undefined || value === null) return [];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item): [string, unknown] => [
        isRecord(item) && typeof item.name === 'string' ? item.name : '',
        item,
      ])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  if (entries.length === 0 && !isRecord(value)) {
    problems.push(
      problem(file, '`variables` must be a mapping of variable names to their settings.', {
        key: 'variables',
      }),
    );
  }
  const specs: VariableSpec[] = [];
  for (const [name, raw] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.push(
        problem(
          file,
          `Variable name ${JSON.stringify(name)} is not valid: use letters, digits and _.`,
          { key: `variables.${name}` },
        ),
      );
      continue;
    }
    specs.push(toVariableSpec(name, raw));
  }
  return specs;
}

function toVariableSpec(name: string, raw: unknown): VariableSpec {
  if (!isRecord(raw)) {
    const description = typeof raw === 'string' ? raw : undefined;
    return { name, description, required: true, secret: false, declared: true };
  }
  const scalar = (v: unknown): string | undefined =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;
  const defaultValue = scalar(raw.default);
  const choices = Array.isArray(raw.choices)
    ? raw.choices.map(scalar).filter((c): c is string => c !== undefined)
    : undefined;
  return {
    name,
    description: scalar(raw.description),
    default: defaultValue,
    required: raw.required === false ? false : defaultValue === undefined,
    choices: choices && choices.length > 0 ? choices : undefined,
    secret: raw.secret === true,
    declared: true,
  };
}

function problem(
  file: string,
  message: string,
  at: { line?: number; column?: number; key?: string },
): Diagnostic {
  return { severity: 'warning', code: 'invalid-front-matter', message, file, ...at };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NOT_PROSE = /^(#|```|~~~|\||[-*+] |\d+\. |<|!\[|=+$|-+$|\[\[)/;

/**
 * The first markdown heading (ATX or setext), for runbooks without a front matter title.
 * Walks lines and stops at the first heading: a whole-body regex costs too much at 10,000 files.
 */
export function firstHeading(body: string): string | undefined {
  let previous = '';
  for (const line of lines(body)) {
    const atx = ATX_HEADING.exec(line);
    if (atx) return atx[1]!.trim() || undefined;
    if (previous.trim() && SETEXT_UNDERLINE.test(line) && !/^ {4}/.test(previous))
      return previous.trim();
    previous = line;
  }
  return undefined;
}

/** The first paragraph of prose (not a heading, list, fence or table), shortened for lists. */
export function firstParagraph(body: string, maxLength = 200): string {
  const paragraph: string[] = [];
  let inFence = false;
  for (const line of lines(body)) {
    const text = line.trim();
    if (/^(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence || text === '' || (paragraph.length === 0 && NOT_PROSE.test(text))) {
      if (paragraph.length) break;
      continue;
    }
    paragraph.push(text);
    if (paragraph.join(' ').length > maxLength) break;
  }
  const joined = paragraph.join(' ').replace(/\s+/g, ' ');
  return joined.length > maxLength ? `${joined.slice(0, maxLength - 1)}…` : joined;
}

/** Lines of a text, lazily, so a scan that stops early reads only what it needs. */
function* lines(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    yield text.slice(start, stop > start && text[stop - 1] === '\r' ? stop - 1 : stop);
    if (end === -1) return;
    start = end + 1;
  }
}
