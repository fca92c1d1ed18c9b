import { RunbookError } from './errors.js';
import { baseName, editDistance, extensionRank, normalizeNameInput } from './names.js';
import type { RunbookSummary } from './types.js';

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

  suggest(input: string, limit = 3): string[] {
    const wanted = input.toLowerCase();
    const scored = [...this.byName.keys()].map((name) => {
      const lower = name.toLowerCase();
      const distance = Math.min(editDistance(wanted, lower), editDistance(wanted, baseName(lower)));
      const contains = lower.includes(wanted) ? -1 : 0;
      return { name, score: distance + contains };
    });
    const threshold = Math.max(3, Math.floor(wanted.length / 2));
    return scored
      .filter((s) => s.score <= threshold)
      .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((s) => s.name);
  }
}

function ambiguous(input: string, candidates: RunbookSummary[]): RunbookError {
  const names = candidates.map((c) => c.name).sort();
  return new RunbookError(
    'ambiguous',
    `${JSON.stringify(input)} matches ${names.length} runbooks: ${names.join(', ')}.`,
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
  return new RunbookError('not-found', `No runbook named ${JSON.stringify(input)}.${hint}`, {
    key: 'name',
    details: suggestions,
    fix: 'Run `runbook list` (or the list_runbooks tool) to see the names, or search for it.',
  });
}
