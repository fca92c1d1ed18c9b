import { isRunbookError, RunbookError } from './errors.js';
import { boundedEditDistance } from './name-distance.js';
import { baseName, extensionRank, nameFromPath, normalizeNameInput } from './names.js';
import { quote } from './new-runbook-name.js';
import { StoredSummary } from './stored-summary.js';
import type { RunbookSummary } from './types.js';

/** Longer input is no typo of a runbook name: it gets no suggestions (and costs nothing). */
const MAX_SUGGEST_INPUT = 200;
/** Beyond this many edits a name is not "close", however long the input. */
const MAX_SUGGEST_EDITS = 8;

let collator: Intl.Collator | undefined;

/**
 * `localeCompare`'s order, without building a collator for each of 10,000 × log n comparisons;
 * made at the first sort, not at load (loading ICU's collation data costs a start ~15 ms).
 */
function compareNames(a: string, b: string): number {
  return (collator ??= new Intl.Collator(undefined)).compare(a, b);
}

/**
 * The runbooks the store knows, by name, and how a name a person types finds one. Summaries
 * restored from the index cache stay unparsed until asked for (see stored-summary.ts).
 */
export class Catalog {
  private readonly byName = new Map<string, RunbookSummary | StoredSummary>();

  get size(): number {
    return this.byName.size;
  }

  get(name: string): RunbookSummary | undefined {
    const entry = this.byName.get(name);
    return entry instanceof StoredSummary ? this.materialize(entry) : entry;
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /**
   * The entry as held, a cached one unparsed: its key (name, path, size, mtime) is what a scan
   * compares, and the index cache writes it back as it was read.
   */
  entry(name: string): RunbookSummary | StoredSummary | undefined {
    return this.byName.get(name);
  }

  /** Adds or replaces; when two files share a name (`a.md`, `a.txt`) the preferred extension wins. */
  set(summary: RunbookSummary | StoredSummary): boolean {
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

  /** Unsorted, for a pass over all of them. */
  *values(): IterableIterator<RunbookSummary> {
    for (const name of [...this.byName.keys()]) {
      const summary = this.get(name);
      if (summary) yield summary;
    }
  }

  /** The exact name, or the path with its extension (as resolveExact), or undefined. */
  exact(name: string): RunbookSummary | undefined {
    const byName = this.get(name);
    if (byName) return byName;
    const withExtension = this.entry(nameFromPath(name));
    return withExtension?.path === name ? this.get(withExtension.name) : undefined;
  }

  list(): RunbookSummary[] {
    const names = [...this.byName.keys()].sort(compareNames);
    return names.flatMap((name) => this.get(name) ?? []);
  }

  private materialize(stored: StoredSummary): RunbookSummary {
    const summary = stored.materialize();
    this.byName.set(stored.name, summary);
    return summary;
  }

  /**
   * Exact name; else a case-insensitive match; else a unique bare file name or path suffix (the
   * earlier tool named runbooks by file name alone). Ambiguity lists the candidates; an unknown
   * name suggests the closest.
   */
  resolve(input: string): RunbookSummary {
    const name = normalizeNameInput(input);
    const exact = this.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    const all = [...this.byName.keys()];
    const tiers = [
      all.filter((n) => n.toLowerCase() === lower),
      all.filter((n) => n.endsWith(`/${name}`)),
      all.filter((n) => n.toLowerCase().endsWith(`/${lower}`)),
    ];
    for (const candidates of tiers) {
      const found = candidates.length === 1 ? this.get(candidates[0]!) : undefined;
      if (found) return found;
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
    const exact = this.get(slashed);
    if (exact) return exact;
    const withExtension = this.entry(nameFromPath(slashed));
    const found = withExtension?.path === slashed ? this.get(withExtension.name) : undefined;
    if (found) return found;
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

function ambiguous(input: string, candidates: string[]): RunbookError {
  const names = [...candidates].sort();
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
