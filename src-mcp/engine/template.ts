/**
 * Fills `{var.name}`, `{env[a][b]}`, `{env[a][{var.name}]}` and `{env[a][{var.region}-primary]}` in a
 * runbook, and leaves every other brace exactly as written: `${HOME}`, PromQL `{job="x"}`, JSON,
 * jsonpath, Helm `{{ }}`.
 *
 * Compatibility with the earlier Python tool (str.format with `var` as an object and `env` as a dict):
 * - a variable name is one Python attribute, `[A-Za-z_][A-Za-z0-9_]*` (no dots, no dashes);
 * - env keys inside brackets are taken as written (dashes, dots, spaces), a list takes `[0]`;
 * - a key may mix text and variables (`[{var.env}_{var.role}]`): the tool filled variables first;
 *   there `${var.x}` or `\{var.x}` is not a variable, so the whole path stays as written;
 * - `{{var.x}}` and `${var.x}` stay literal: there `{{` was an escaped brace, and `${` is
 *   shell/Terraform, which users expect to see as written;
 * - `{ var.x }` (with spaces) is not a placeholder.
 * New here: one pass, so an inserted value is never expanded again; and `\{var.x}` writes the
 * placeholder itself. In a run of n backslashes before a placeholder each pair writes one backslash
 * and an odd one left over escapes it, so `C:\\{var.dir}` gives `C:\` and the value.
 */
import { isMapping, lookupEnv } from './env-lookup.js';
import { RunbookError } from './errors.js';
import { MAX_INCLUDE_DEPTH, MAX_RENDERED_CHARS } from './limits.js';
import {
  emptyEnvMessage,
  envKey,
  formatScalar,
  missingEnvMessage,
  missingVariableMessage,
  notScalarMessage,
  toDiagnostic,
  unresolvedError,
} from './template-messages.js';
import {
  isEscaped,
  scanPlaceholders,
  toPlaceholder,
  type ScannedPlaceholder,
} from './template-scan.js';
import type { EnvMapping, EnvPathPart, LenientRender, Placeholder, Unresolved } from './types.js';

export interface TemplateContext {
  vars: Record<string, string>;
  env: EnvMapping;
  /** File name for messages (folder-relative runbook path). */
  file?: string;
  /** Added to reported line numbers (the body's first line in the file, minus 1). */
  lineOffset?: number;
  /**
   * The runbooks `{include[name]}` inserts, loaded beforehand (include.ts checks names, cycles and
   * depth). An include not in the map stays as written.
   */
  includes?: ReadonlyMap<string, IncludedBody>;
}

/** An included runbook's text without its front matter, and where it sits in its file. */
export interface IncludedBody {
  name: string;
  path: string;
  body: string;
  bodyLine: number;
}

/** What went wrong with one placeholder; the output offsets are added once it is written. */
type Problem = Omit<Unresolved, 'start' | 'end'>;

export function findPlaceholders(text: string): Placeholder[] {
  return realPlaceholders(text).map(toPlaceholder);
}

/** Unique variable names in order of first use, those inside env paths included. */
export function variableNames(text: string): string[] {
  return bodyUses(text).variables;
}

/** What a text uses, from one scan: variables (as variableNames) and included runbook names. */
export function bodyUses(text: string): { variables: string[]; includes: string[] } {
  const names = new Set<string>();
  const includes = new Set<string>();
  for (const p of realPlaceholders(text)) {
    if (p.variable !== undefined) names.add(p.variable);
    for (const v of p.nested) names.add(v.name);
    if (p.include !== undefined) includes.add(p.include);
  }
  return { variables: [...names], includes: [...includes] };
}

/** Each distinct env path, in order of first use. */
export function envPaths(text: string): EnvPathPart[][] {
  const paths = new Map<string, EnvPathPart[]>();
  for (const p of realPlaceholders(text)) {
    if (p.path && !paths.has(JSON.stringify(p.path))) paths.set(JSON.stringify(p.path), p.path);
  }
  return [...paths.values()];
}

/** The env key a path part names once `vars` fill its variables; undefined while one has no value. */
export function envPathKey(part: EnvPathPart, vars: Record<string, string>): string | undefined {
  if ('key' in part) return part.key;
  const pieces = 'parts' in part ? part.parts : [part];
  let key = '';
  for (const piece of pieces) {
    const value = typeof piece === 'string' ? piece : valueOf(vars, piece.variable);
    if (value === undefined) return undefined;
    key += value;
  }
  return key;
}

/** Throws one RunbookError ('missing-values' or 'not-scalar') listing every problem. */
export function renderStrict(text: string, ctx: TemplateContext): string {
  const rendered = renderLenient(text, ctx);
  if (rendered.unresolved.length > 0) throw unresolvedError(rendered.unresolved, ctx.file);
  return rendered.text;
}

/** Never throws for missing values: unresolved placeholders stay as written and are marked. */
export function renderLenient(text: string, ctx: TemplateContext): LenientRender {
  const out = new Output(ctx.file);
  const unresolved: Unresolved[] = [];
  renderInto(text, ctx, out, unresolved, []);
  const diagnostics = unresolved.map((u) => toDiagnostic(u, ctx.file));
  return { text: out.text(), unresolved, diagnostics };
}

/** One output for a runbook and everything it includes: the size cap and offsets span them all. */
class Output {
  private readonly parts: string[] = [];
  length = 0;

  constructor(private readonly file: string | undefined) {}

  write(s: string): void {
    if (this.length + s.length > MAX_RENDERED_CHARS) throw renderTooLarge(this.file);
    this.parts.push(s);
    this.length += s.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

/** `chain`: the included runbooks being rendered, outermost first (empty for the runbook itself). */
function renderInto(
  text: string,
  ctx: TemplateContext,
  out: Output,
  unresolved: Unresolved[],
  chain: readonly string[],
): void {
  let copied = 0;
  for (const p of scanPlaceholders(text)) {
    out.write(text.slice(copied, p.start - p.slashes));
    out.write('\\'.repeat(Math.floor(p.slashes / 2)));
    copied = p.end;
    if (isEscaped(p)) {
      out.write(p.raw);
      continue;
    }
    if (p.include !== undefined) {
      writeInclude(p.raw, p.include, ctx, out, unresolved, chain);
      continue;
    }
    const result = resolve(p, ctx);
    if (typeof result === 'string') {
      out.write(result);
      continue;
    }
    const start = out.length;
    out.write(p.raw);
    for (const { kind, key, line, column, message } of result) {
      const u: Unresolved = { kind, key, line, column, start, end: out.length, message };
      if (chain.length > 0 && ctx.file !== undefined) u.file = ctx.file;
      unresolved.push(u);
    }
  }
  out.write(text.slice(copied));
}

/**
 * The included body, rendered with the same values, in place of the placeholder. Its last line
 * break is dropped, so `{include[x]}` on a line of its own leaves no blank line behind.
 */
function writeInclude(
  raw: string,
  name: string,
  ctx: TemplateContext,
  out: Output,
  unresolved: Unresolved[],
  chain: readonly string[],
): void {
  const included = ctx.includes?.get(name);
  if (!included || chain.includes(included.name) || chain.length >= MAX_INCLUDE_DEPTH) {
    out.write(raw);
    return;
  }
  const inner: TemplateContext = {
    ...ctx,
    file: included.path,
    lineOffset: included.bodyLine - 1,
  };
  const body = included.body.replace(/\r?\n$/, '');
  renderInto(body, inner, out, unresolved, [...chain, included.name]);
}

function renderTooLarge(file: string | undefined): RunbookError {
  return new RunbookError(
    'too-large',
    `${file ?? 'The runbook'} would render to more than ${MAX_RENDERED_CHARS} characters.`,
    { file, fix: 'Check for a large env.yaml value or variable repeated many times.' },
  );
}

function realPlaceholders(text: string): ScannedPlaceholder[] {
  return scanPlaceholders(text).filter((p) => !isEscaped(p));
}

function resolve(p: ScannedPlaceholder, ctx: TemplateContext): string | Problem[] {
  const line = p.line + (ctx.lineOffset ?? 0);
  if (p.variable !== undefined) {
    return valueOf(ctx.vars, p.variable) ?? [missingVariable(p.variable, line, p.column)];
  }
  const missing: Problem[] = [];
  for (const v of p.nested) {
    if (valueOf(ctx.vars, v.name) !== undefined) continue;
    if (missing.some((m) => m.key === `var.${v.name}`)) continue;
    // The env path cannot be known without the variable: report the variable, not the path.
    missing.push(missingVariable(v.name, line, p.column + (v.start - p.start)));
  }
  if (missing.length > 0) return missing;
  const keys = (p.path ?? []).map((part) => envPathKey(part, ctx.vars) ?? '');
  return resolveEnv(ctx.env, keys, line, p.column);
}

function resolveEnv(
  env: EnvMapping,
  keys: string[],
  line: number,
  column: number,
): string | Problem[] {
  const key = envKey(keys);
  const problem = (kind: Unresolved['kind'], message: string): Problem[] => [
    { kind, key, line, column, message },
  ];
  const found = lookupEnv(env, keys);
  if (!found.found) return problem('env', missingEnvMessage(env, keys, found.missingAt));
  const value = found.value;
  if (value === null || value === undefined) return problem('env', emptyEnvMessage(key));
  if (isMapping(value) || Array.isArray(value)) {
    return problem('not-scalar', notScalarMessage(key, value));
  }
  return formatScalar(value);
}

function missingVariable(name: string, line: number, column: number): Problem {
  return { kind: 'var', key: `var.${name}`, line, column, message: missingVariableMessage(name) };
}

/** Own keys only: `{var.constructor}` is a missing variable, not Object's constructor. */
function valueOf(vars: Record<string, string>, name: string): string | undefined {
  if (!Object.hasOwn(vars, name)) return undefined;
  const value: unknown = vars[name];
  return value === undefined || value === null ? undefined : String(value);
}
