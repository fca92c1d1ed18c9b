/**
 * `{include[name]}`: loads every runbook a runbook includes, all the way down, before it renders
 * (the render itself is synchronous). A name is exact, as every name that the engine acts on:
 * the folder-relative path with or without its extension, never a search. A missing name, a
 * cycle or a chain deeper than MAX_INCLUDE_DEPTH is an error naming the file and line at fault;
 * a lenient load (previews) reports it as a diagnostic and leaves that placeholder as written.
 */
import { RunbookError } from './errors.js';
import { MAX_INCLUDE_DEPTH } from './limits.js';
import { quote } from './new-runbook-name.js';
import { isEscaped, scanPlaceholders, type ScannedPlaceholder } from './template-scan.js';
import type { IncludedBody } from './template.js';
import type { Diagnostic, Runbook } from './types.js';

export interface IncludeSource {
  /** The runbook with exactly this name, or undefined when there is none. */
  read(name: string): Promise<Runbook | undefined>;
  /** Close names, for the message about a missing one. */
  suggest(name: string): string[];
}

export interface LoadedIncludes {
  /** By the name as written in the placeholder. */
  bodies: Map<string, IncludedBody>;
  /** Lenient loads only: what an error would have said. */
  diagnostics: Diagnostic[];
  /** The included runbooks, each once, in the order first met. */
  runbooks: Runbook[];
}

/** The includes of a text, in order, escaped ones left out. */
function includePlaceholders(text: string): ScannedPlaceholder[] {
  if (!text.includes('{include[')) return [];
  return scanPlaceholders(text).filter((p) => p.include !== undefined && !isEscaped(p));
}

export async function loadIncludes(
  root: Runbook,
  source: IncludeSource,
  options: { lenient?: boolean } = {},
): Promise<LoadedIncludes> {
  const loader = new IncludeLoader(source, options.lenient === true);
  await loader.visit(root, [root.name]);
  return {
    bodies: loader.bodies,
    diagnostics: loader.diagnostics,
    runbooks: [...loader.runbooks.values()],
  };
}

class IncludeLoader {
  readonly bodies = new Map<string, IncludedBody>();
  readonly diagnostics: Diagnostic[] = [];
  readonly runbooks = new Map<string, Runbook>();
  /** Runbooks whose includes are all loaded → how many levels of includes lie below them. */
  private readonly heights = new Map<string, number>();

  constructor(
    private readonly source: IncludeSource,
    private readonly lenient: boolean,
  ) {}

  /** `chain`: the runbooks from the root down to this one. Returns this one's height. */
  async visit(runbook: Runbook, chain: readonly string[]): Promise<number> {
    let height = 0;
    for (const p of includePlaceholders(runbook.body)) {
      const name = p.include!;
      const at = { file: runbook.path, line: p.line + runbook.bodyLine - 1, column: p.column };
      const child = await this.source.read(name);
      if (!child) {
        this.fail(missingInclude(name, at, this.source.suggest(name)));
        continue;
      }
      const path = [...chain, child.name];
      if (chain.includes(child.name)) {
        this.fail(includeCycle(path, name, at));
        continue;
      }
      const below = this.heights.get(child.name);
      if (chain.length + (below ?? 0) > MAX_INCLUDE_DEPTH) {
        this.fail(tooDeep(path, name, at));
        continue;
      }
      this.bodies.set(name, toBody(child));
      this.runbooks.set(child.name, child);
      const childHeight = below ?? (await this.visit(child, path));
      height = Math.max(height, childHeight + 1);
    }
    this.heights.set(runbook.name, height);
    return height;
  }

  private fail(error: RunbookError): void {
    if (!this.lenient) throw error;
    this.diagnostics.push({
      severity: 'error',
      code: error.code,
      message: error.message,
      file: error.file,
      line: error.line,
      column: error.column,
      key: error.key,
    });
  }
}

function toBody(runbook: Runbook): IncludedBody {
  const { name, path, body, bodyLine } = runbook;
  return { name, path, body, bodyLine };
}

type At = { file: string; line: number; column: number };

/** A name from a hostile file may be huge: messages and keys show its start only. */
function clip(name: string): string {
  return name.length > 200 ? `${name.slice(0, 200)}…` : name;
}

function missingInclude(name: string, at: At, suggestions: string[]): RunbookError {
  const hint = suggestions.length
    ? ` Did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?`
    : '';
  return new RunbookError(
    'not-found',
    `{include[${clip(name)}]} names no runbook: no runbook is named exactly ${quote(name)}.${hint}`,
    {
      ...at,
      key: clip(name),
      details: suggestions,
      fix: 'Write the exact name of a runbook in this folder (its path without the extension, as `runbook list` shows it).',
    },
  );
}

function includeCycle(chain: string[], name: string, at: At): RunbookError {
  return new RunbookError('include-cycle', `Includes form a cycle: ${chain.join(' → ')}.`, {
    ...at,
    key: clip(name),
    details: chain,
    fix: `Remove {include[${clip(name)}]} here, or the include that leads back, so no runbook includes itself.`,
  });
}

function tooDeep(chain: string[], name: string, at: At): RunbookError {
  return new RunbookError(
    'too-large',
    `Includes nest more than ${MAX_INCLUDE_DEPTH} deep: ${chain.join(' → ')}${chain.length > MAX_INCLUDE_DEPTH ? '' : ' → …'}.`,
    {
      ...at,
      key: clip(name),
      details: chain,
      fix: `Include the deeper runbooks directly from a higher level: at most ${MAX_INCLUDE_DEPTH} levels of includes.`,
    },
  );
}
