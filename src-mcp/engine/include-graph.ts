/**
 * Which runbooks include which, from the catalog's summaries (each lists its `includes`), so that
 * an including runbook lists the variables of everything it includes (every face reads them
 * here), and a change to an included runbook reaches the runbooks that include it.
 */
import { MAX_INCLUDE_DEPTH, MAX_VARIABLES } from './limits.js';
import { nameFromPath } from './names.js';
import type { ChangeEvent, RunbookSummary, VariableSpec } from './types.js';

export interface IncludeCatalog {
  /** The runbook with exactly this name (path with or without extension), or undefined. */
  exact(name: string): RunbookSummary | undefined;
  all(): Iterable<RunbookSummary>;
}

export class IncludeGraph {
  /** Merged variables, until the next change. */
  private readonly merged = new Map<string, VariableSpec[]>();
  /**
   * Runbooks that include something → their includes, as names (extension dropped). Built at the
   * first change, not at start: a start from the index cache parses no summary it need not.
   */
  private includesOf: Map<string, string[]> | undefined;
  /** The merged variables each including runbook was last shown with (JSON). */
  private readonly listed = new Map<string, string>();

  constructor(private readonly catalog: IncludeCatalog) {}

  /**
   * The summary with its own variables first, then those of the runbooks it includes. `fresh`:
   * the summary is not the catalog's (unsaved text), so nothing remembered for its name applies.
   */
  withIncluded<T extends RunbookSummary>(summary: T, options: { fresh?: boolean } = {}): T {
    if (!summary.includes?.length) return summary;
    const variables = options.fresh
      ? this.collect(summary, [summary.name])
      : this.variablesOf(summary);
    return { ...summary, variables };
  }

  /**
   * Adds to `event` the runbooks that include a runbook it names (at any depth): their text
   * changes with it. `listChanged` is set when the merged variables of one that was shown changed
   * (one never shown cannot be out of date anywhere).
   */
  update(event: ChangeEvent): void {
    this.merged.clear();
    const touched = new Set([...event.added, ...event.changed, ...event.removed]);
    if (touched.size === 0) return;
    const includesOf = this.includeMap();
    for (const name of touched) {
      const includes = this.catalog.exact(name)?.includes;
      if (includes?.length) includesOf.set(name, includes.map(nameFromPath));
      else includesOf.delete(name);
    }
    const includers = this.includersOf(touched);
    for (const name of includers) if (!touched.has(name)) event.changed.push(name);
    for (const name of new Set([...touched, ...includers])) {
      const before = this.listed.get(name);
      const summary = this.catalog.exact(name);
      if (!summary?.includes?.length) this.listed.delete(name);
      else if (before !== undefined && JSON.stringify(this.variablesOf(summary)) !== before)
        event.listChanged = true;
    }
  }

  private includeMap(): Map<string, string[]> {
    if (!this.includesOf) {
      this.includesOf = new Map();
      for (const summary of this.catalog.all())
        if (summary.includes?.length)
          this.includesOf.set(summary.name, summary.includes.map(nameFromPath));
    }
    return this.includesOf;
  }

  /** Every runbook that includes one of `names`, directly or through others. */
  private includersOf(names: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    let frontier = new Set(names);
    while (frontier.size > 0) {
      const next = new Set<string>();
      for (const [includer, includes] of this.includeMap()) {
        if (found.has(includer) || !includes.some((n) => frontier.has(n))) continue;
        found.add(includer);
        next.add(includer);
      }
      frontier = next;
    }
    return found;
  }

  private variablesOf(summary: RunbookSummary): VariableSpec[] {
    let merged = this.merged.get(summary.name);
    if (!merged) {
      merged = this.collect(summary, [summary.name]);
      this.merged.set(summary.name, merged);
      this.listed.set(summary.name, JSON.stringify(merged));
    }
    return merged;
  }

  /**
   * Own variables first, then each include's in order. A variable only used in the text here
   * takes the declaration an included runbook gives it (its description, default, choices).
   * Missing names, cycles and depth are errors at render time; here they just end the walk.
   */
  private collect(summary: RunbookSummary, chain: string[]): VariableSpec[] {
    const byName = new Map(summary.variables.map((v) => [v.name, v]));
    if (chain.length <= MAX_INCLUDE_DEPTH) {
      for (const written of summary.includes ?? []) {
        const child = this.catalog.exact(written);
        if (!child || chain.includes(child.name)) continue;
        for (const spec of this.collect(child, [...chain, child.name])) {
          const own = byName.get(spec.name);
          if (!own || (!own.declared && spec.declared)) byName.set(spec.name, spec);
        }
      }
    }
    return [...byName.values()].slice(0, MAX_VARIABLES);
  }
}
