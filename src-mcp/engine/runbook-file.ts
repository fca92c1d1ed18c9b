import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { bodyOf, firstHeading, firstParagraph, splitFrontMatter } from './front-matter.js';
import { baseName, nameFromPath } from './names.js';
import { looksBinary, MAX_RUNBOOK_BYTES } from './store-scan.js';
import { bodyUses } from './template.js';
import {
  MAX_INCLUDES_LISTED,
  MAX_NAME_LENGTH,
  MAX_VARIABLE_NAME_LENGTH,
  MAX_VARIABLES,
} from './limits.js';
import type { Diagnostic, Runbook, RunbookSummary, Skip, VariableSpec } from './types.js';

export type LoadResult = { runbook: Runbook } | NotARunbook;

/**
 * Reads one runbook file into its summary and body; a file that is not a runbook becomes a skip.
 * Synchronous on purpose: at 10,000 files the promise-based open/stat/read/close round trips cost
 * more than the reads themselves. Callers batch it and yield between batches.
 */
export function loadRunbookFileSync(absPath: string, relPath: string): LoadResult {
  const read = readRunbookText(absPath, relPath);
  if (!('text' in read)) return read;
  const { text, size, mtimeMs } = read;
  return { runbook: parseRunbook(relPath, text, size, mtimeMs) };
}

/**
 * The body as `loadRunbookFileSync` would give it, for a search snippet: the front matter is cut
 * off, not parsed (a search shows ten bodies, and needs none of their YAML).
 */
export function loadRunbookBodySync(absPath: string, relPath: string): string | undefined {
  const read = readRunbookText(absPath, relPath);
  return 'text' in read ? bodyOf(read.text) : undefined;
}

/** A file that could not be read as a runbook. */
type NotARunbook = { skip: Skip } | { gone: true };
type TextRead = { text: string; size: number; mtimeMs: number } | NotARunbook;

function readRunbookText(absPath: string, relPath: string): TextRead {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (error) {
    return failure(error, relPath);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { gone: true };
    if (stat.size > MAX_RUNBOOK_BYTES) {
      const detail = `${stat.size} bytes (limit ${MAX_RUNBOOK_BYTES})`;
      return { skip: { path: relPath, reason: 'too-large', detail } };
    }
    const buffer = readFileSync(fd);
    if (looksBinary(buffer)) return { skip: { path: relPath, reason: 'binary' } };
    return { text: buffer.toString('utf8'), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return failure(error, relPath);
  } finally {
    closeSync(fd);
  }
}

function failure(error: unknown, relPath: string): NotARunbook {
  const code = (error as NodeJS.ErrnoException).code;
  // EISDIR: a folder named like a runbook (`notes.md/`) is not one.
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return { gone: true };
  return { skip: { path: relPath, reason: 'unreadable', detail: (error as Error).message } };
}

export function parseRunbook(
  relPath: string,
  content: string,
  size: number,
  mtimeMs: number,
): Runbook {
  const name = nameFromPath(relPath);
  const { frontMatter, body, bodyLine, problems } = splitFrontMatter(content, relPath);
  const uses = bodyUses(body);
  // Bounded like every listed field: no name a runbook could have, and not more than a listing needs.
  const includes = uses.includes
    .filter((n) => n.length <= MAX_NAME_LENGTH)
    .slice(0, MAX_INCLUDES_LISTED);
  return {
    name,
    path: relPath,
    title: frontMatter.title ?? firstHeading(body) ?? baseName(name),
    description: frontMatter.description ?? firstParagraph(body),
    tags: frontMatter.tags,
    variables: mergeVariables(frontMatter.variables, uses.variables, problems, relPath),
    size,
    mtimeMs,
    problems,
    ...(frontMatter.prompt === undefined ? {} : { prompt: frontMatter.prompt }),
    // Only when present: 10,000 summaries are kept in memory and in the index cache.
    ...(includes.length ? { includes } : {}),
    ...(frontMatter.tools === undefined ? {} : { tools: frontMatter.tools }),
    ...(frontMatter.schedule === undefined ? {} : { schedule: frontMatter.schedule }),
    ...(frontMatter.template ? { template: true } : {}),
    content,
    body,
    bodyLine,
  };
}

/**
 * Declared variables first (front matter order), then those only used in the body; at most
 * MAX_VARIABLES in all, so a listing stays small whatever the text holds.
 */
function mergeVariables(
  declared: VariableSpec[],
  used: string[],
  problems: Diagnostic[],
  file: string,
): VariableSpec[] {
  const known = new Set(declared.map((v) => v.name));
  const fresh = used.filter((name) => !known.has(name));
  const implicit = fresh
    .filter((name) => name.length <= MAX_VARIABLE_NAME_LENGTH)
    .slice(0, Math.max(0, MAX_VARIABLES - declared.length))
    .map((name): VariableSpec => ({ name, required: true, secret: false, declared: false }));
  if (implicit.length < fresh.length) {
    const message = `The text uses ${fresh.length} more variables; only ${implicit.length} are listed (at most ${MAX_VARIABLES} in all, names up to ${MAX_VARIABLE_NAME_LENGTH} characters).`;
    problems.push({ severity: 'warning', code: 'too-large', message, file, key: 'variables' });
  }
  return [...declared, ...implicit];
}

/** Whether a change to a runbook changes what clients list (prompt names, titles, arguments). */
export function sameListing(a: RunbookSummary | undefined, b: RunbookSummary | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.title === b.title &&
    a.description === b.description &&
    a.prompt === b.prompt &&
    a.includes?.join('\0') === b.includes?.join('\0') &&
    a.tools?.join('\0') === b.tools?.join('\0') &&
    JSON.stringify(a.variables) === JSON.stringify(b.variables) &&
    a.tags.join('\0') === b.tags.join('\0')
  );
}

/** What the catalog keeps in memory: everything but the text, which is read again when needed. */
export function toSummary(runbook: Runbook): RunbookSummary {
  const { content: _content, body: _body, bodyLine: _bodyLine, ...summary } = runbook;
  return summary;
}
