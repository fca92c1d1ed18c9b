import {
  isRecord,
  readDescription,
  readSchedule,
  readTags,
  readTitle,
  readTools,
  readVariables,
  type Report,
} from './front-matter-fields.js';
import { MAX_FRONT_MATTER_CHARS, MAX_FRONT_MATTER_EXPANDED, MAX_PROBLEMS } from './limits.js';
import { parseBoundedYaml } from './safe-yaml.js';
import type { Diagnostic, VariableSpec } from './types.js';

interface FrontMatter {
  title?: string;
  description?: string;
  tags: string[];
  variables: VariableSpec[];
  /** `prompt: true` lists the runbook as an MCP prompt in a large folder; `false` never does. */
  prompt?: boolean;
  /** `tools:` the MCP tools a run may use; absent: no restriction. */
  tools?: string[];
  /** `schedule:` daily, weekly, monthly or a cron expression (see schedule.ts). */
  schedule?: string;
  /** `template: true` offers the runbook under "New from template". */
  template?: boolean;
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

/** Where the front matter's YAML and the body lie; `unclosed`: an opening `---` never closed. */
type FrontMatterBounds =
  { kind: 'none' } | { kind: 'unclosed' } | { kind: 'closed'; yamlText: string; bodyStart: number };

function frontMatterBounds(content: string): FrontMatterBounds {
  const opening = OPENING.exec(content);
  if (!opening) return { kind: 'none' };
  const rest = content.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { kind: 'unclosed' };
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  return { kind: 'closed', yamlText: rest.slice(0, closing.index), bodyStart };
}

/** The body alone, as `splitFrontMatter` gives it, without parsing the YAML (for snippets). */
export function bodyOf(content: string): string {
  const bounds = frontMatterBounds(content);
  return bounds.kind === 'closed' ? content.slice(bounds.bodyStart) : content;
}

/** Splits optional YAML front matter off a runbook. A broken block is a problem, never fatal. */
export function splitFrontMatter(content: string, file: string): SplitDocument {
  const empty: FrontMatter = { tags: [], variables: [] };
  const bounds = frontMatterBounds(content);
  if (bounds.kind === 'none')
    return { frontMatter: empty, body: content, bodyLine: 1, problems: [] };
  if (bounds.kind === 'unclosed') {
    const message =
      'Front matter opened by --- on line 1 is never closed by a --- line: the whole file is read as text.';
    return {
      frontMatter: empty,
      body: content,
      bodyLine: 1,
      problems: [problem(file, message, { line: 1 })],
    };
  }
  const { yamlText, bodyStart } = bounds;
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

/** A block over the limit is not parsed at all: its size alone is the problem. */
function parseFrontMatterYaml(
  yamlText: string,
  file: string,
): { frontMatter: FrontMatter; problems: Diagnostic[] } {
  const frontMatter: FrontMatter = { tags: [], variables: [] };
  const parsed = parseBoundedYaml(yamlText, {
    maxChars: MAX_FRONT_MATTER_CHARS,
    maxExpanded: MAX_FRONT_MATTER_EXPANDED,
  });
  if (!parsed.ok) {
    const { reason, line, column } = parsed.failure;
    // +1: the text starts after the opening `---` line.
    const at = { line: (line ?? 1) + 1, column };
    return { frontMatter, problems: [problem(file, `Front matter is not read: ${reason}.`, at)] };
  }
  const data = parsed.data;
  if (data === null || data === undefined) return { frontMatter, problems: [] };
  if (!isRecord(data)) {
    return {
      frontMatter,
      problems: [problem(file, 'Front matter must be a mapping (key: value lines).', { line: 2 })],
    };
  }
  const problems: Diagnostic[] = [];
  const report: Report = (message, key) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem(file, message, { key }));
  };
  frontMatter.title = readTitle(data.title, report);
  frontMatter.description = readDescription(data.description, report);
  frontMatter.tags = readTags(data.tags, report);
  frontMatter.variables = readVariables(data.variables, report);
  const tools = readTools(data.tools, report);
  if (tools) frontMatter.tools = tools;
  const schedule = readSchedule(data.schedule, report);
  if (schedule) frontMatter.schedule = schedule;
  if (typeof data.prompt === 'boolean') frontMatter.prompt = data.prompt;
  else if (data.prompt !== undefined && data.prompt !== null)
    report('`prompt` must be true or false.', 'prompt');
  if (typeof data.template === 'boolean') frontMatter.template = data.template;
  else if (data.template !== undefined && data.template !== null)
    report('`template` must be true or false.', 'template');
  return { frontMatter, problems };
}

function problem(
  file: string,
  message: string,
  at: { line?: number; column?: number; key?: string },
): Diagnostic {
  return { severity: 'warning', code: 'invalid-front-matter', message, file, ...at };
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
