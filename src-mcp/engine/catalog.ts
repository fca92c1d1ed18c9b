import { isRunbookError, RunbookError } from './errors.js';
import { boundedEditDistance } from './name-distance.js';
import { baseName, extensionRank, nameFromPath, normalizeNameInput } from './names.js';
import { quote } from './new-runbook-name.js';
import type { RunbookSummary } from './types.js';

/** Longer input is no typo of a runbook name: it gets no suggestions (and costs nothing). */
const MAX_SUGGEST_INPUT = 200;
/** Beyond this many edits a name is not "close", however long the input. */
const MAX_SUGGEST_EDITS = 8;

/** The runbooks the store knows, by name, and how a name a person types finds one. */
export class Catalog {
  private readonly byName = new Map<string, RunbookSummary>();

  get size(): number {
    return this.byName.size;
  }

  get(name: string): RunbookSummary | undefined {
    return this.byName.get(name);
  }

  /** Adds or replaces; when two files share a name (`a.md`, `a.txt`) the preferred extension wins. */
  set(summary: RunbookSummary): boolean {
    const existing = this.byName.get(summary.name);
    if (
      existing &&
      existing.path !== summary.path &&
      extensionRank(existing.path) < extensionRank(summary.path)
    ) {
      return false;
    }
    this.byName.set(summary.name, summary);
    return true;
  }

  delete(name: string): boolean {
    return this.byName.delete(name);
  }

  /** Names under a folder prefix (a removed folder removes them all). */
  namesUnder(relDir: string): string[] {
    const prefix = `${relDir}/`;
    return [...this.byName.values()].filter((s) => s.path.startsWith(prefix)).map((s) => s.name);
  }

  list(): RunbookSummary[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Exact name; else a case-insensitive match; else a unique bare file name or path suffix (the
   * earlier tool named runbooks by file name alone). Ambiguity lists the candidates; an unknown
   * name suggests the closest.
   */
  resolve(input: string): RunbookSummary {
    const name = normalizeNameInput(input);
    const exact = this.byName.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    const all = [...this.byName.values()];
    const tiers = [
      all.filter((s) => s.name.toLowerCase() === lower),
      all.filter((s) => s.name.endsWith(`/${name}`)),
      all.filter((s) => s.name.toLowerCase().endsWith(`/${lower}`)),
    ];
    for (const candidates of tiers) {
      if (candidates.length === 1) return candidates[0]!;
      if (candidates.length > 1) throw ambiguous(input, candidates);
    }
    throw notFound(input, this.suggest(name));
  }

  /**
   * The exact name only, for calls that destroy or replace: the folder-relative path with or without
   * its extension (`\\` as `/`, a leading `./` allowed). Anything else is an error that lists what a
   * fuzzy resolve would have picked, so the caller can repeat the call with the exact name.
   */
  resolveExact(input: string): RunbookSummary {
    const slashed = input.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    const byName = this.byName.get(slashed);
    if (byName) return byName;
    const withExtension = this.byName.get(nameFromPath(slashed));
    if (withExtension?.path === slashed) return withExtension;
    throw this.notExact(input);
  }

  suggest(input: string, limit = 3): string[] {
    const wanted = input.toLowerCase();
    if (!wanted || wanted.length > MAX_SUGGEST_INPUT) return [];
    const threshold = Math.min(MAX_SUGGEST_EDITS, Math.max(3, Math.floor(wanted.length / 2)));
    const scored: Array<{ name: string; score: number }> = [];
    for (const name of this.byName.keys()) {
      const lower = name.toLowerCase();
      const distance = Math.min(
        boundedEditDistance(wanted, lower, threshold),
        boundedEditDistance(wanted, baseName(lower), threshold),
      );
      const score = distance + (lower.includes(wanted) ? -1 : 0);
      if (score <= threshold) scored.push({ name, score });
    }
    return scored
      .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((s) => s.name);
  }

  private notExact(input: string): RunbookError {
    let candidates: string[];
    let code: 'not-found' | 'ambiguous' = 'not-found';
    try {
      candidates = [this.resolve(input).name];
    } catch (error) {
      if (!isRunbookError(error)) throw error;
      candidates = error.details.filter((d): d is string => typeof d === 'string');
      if (error.code === 'ambiguous') code = 'ambiguous';
    }
    const listed = candidates.map((c) => JSON.stringify(c)).join(', ');
    const hint = candidates.length ? ` Did you mean ${listed}?` : '';
    return new RunbookError(
      code,
      `No runbook is named exactly ${quote(input)}; nothing was changed.${hint}`,
      {
        key: 'name',
        details: candidates,
        fix: 'Repeat the call with the exact name: the path inside the runbook folder, with or without its extension (see list_runbooks or `runbook list`).',
      },
    );
  }
}

function ambiguous(input: string, candidates: RunbookSummary[]): RunbookError {
  const names = candidates.map((c) => c.name).sort();
  return new RunbookError(
    'ambiguous',
    `${quote(input)} matches ${names.length} runbooks: ${names.join(', ')}.`,
    {
      key: 'name',
      details: names,
      fix: `Use the full name, for example ${JSON.stringify(names[0])}.`,
    },
  );
}

function notFound(input: string, suggestions: string[]): RunbookError {
  const hint = suggestions.length
    ? ` Did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?`
    : '';
  return new RunbookError('not-found', `No runbook named ${quote(input)}.${hint}`, {
    key: 'name',
    details: suggestions,
    fix: 'Run `runbook list` (or the list_runbooks tool) to see the names, or search for it.',
  });
}
