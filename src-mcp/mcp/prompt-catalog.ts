/**
 * What the prompt and completion handlers share: which prompt is which runbook, and the values a
 * variable can take (its choices, or the env keys that an `{env[...][{var.x}]}` path indexes).
 * Cached until the server calls `invalidate()` on a change event.
 */
import type { Engine } from '../engine/engine.js';
import { envKeysAt } from '../engine/env-lookup.js';
import { envPathKey, envPaths } from '../engine/template.js';
import type { EnvPathPart, RunbookSummary } from '../engine/types.js';
import { sortedKeys } from './pagination.js';
import { assignPromptNames } from './prompt-names.js';
import {
  NO_FAVOURITES,
  PROMPT_MENU_LIMIT,
  isListedPrompt,
  type PromptFavourites,
} from './prompt-policy.js';

export class PromptCatalog {
  private prompts: Promise<Map<string, RunbookSummary>> | undefined;
  private readonly paths = new Map<string, Promise<EnvPathPart[][]>>();

  constructor(
    private readonly engine: Engine,
    private readonly favourites: () => PromptFavourites = () => NO_FAVOURITES,
  ) {}

  invalidate(): void {
    this.prompts = undefined;
    this.paths.clear();
  }

  /** Prompt name → runbook, in runbook name order. */
  byPromptName(): Promise<Map<string, RunbookSummary>> {
    this.prompts ??= this.buildPrompts();
    return this.prompts;
  }

  /** The prompt names `prompts/list` shows (see prompt-policy.ts), sorted for paging. */
  async listedNames(): Promise<string[]> {
    const prompts = await this.byPromptName();
    // The app's files are read only when the folder is large enough for them to matter.
    const { pinned, recent } = prompts.size > PROMPT_MENU_LIMIT ? this.favourites() : NO_FAVOURITES;
    const favourites = new Set([...pinned, ...recent]);
    const listed = [...prompts].filter(([, summary]) =>
      isListedPrompt(summary, prompts.size, favourites),
    );
    return sortedKeys(listed.map(([name]) => name));
  }

  /**
   * Values `variable` of the runbook can take. `given` fills variables that come earlier in a
   * nested path (`{env[clusters][{var.cluster}][namespaces][{var.ns}]}` needs the cluster first).
   */
  async valuesFor(
    summary: RunbookSummary,
    variable: string,
    given: Record<string, string> = {},
  ): Promise<string[]> {
    const spec = summary.variables.find((v) => v.name === variable);
    if (!spec) return [];
    if (spec.choices?.length) return spec.choices;
    const prefixes = (await this.envPathsOf(summary)).flatMap((path) =>
      prefixesBefore(path, variable, given),
    );
    if (prefixes.length === 0) return [];
    // A broken env.yaml only costs this runbook its suggestions.
    const env = await this.engine.env().then(
      (loaded) => loaded.env,
      () => undefined,
    );
    if (!env) return [];
    return [...new Set(prefixes.flatMap((prefix) => envKeysAt(env, prefix)))];
  }

  private async buildPrompts(): Promise<Map<string, RunbookSummary>> {
    const list = await this.engine.list();
    const names = assignPromptNames(list.map((s) => s.name));
    const map = new Map<string, RunbookSummary>();
    for (const summary of list) map.set(names.get(summary.name) ?? summary.name, summary);
    return map;
  }

  private envPathsOf(summary: RunbookSummary): Promise<EnvPathPart[][]> {
    const key = `${summary.name}\0${summary.mtimeMs}`;
    let found = this.paths.get(key);
    if (!found) {
      // Included runbooks' texts too: their variables are this prompt's arguments.
      found = this.engine.templateTexts(summary.name).then(
        (texts) => texts.flatMap((text) => envPaths(text)),
        () => [],
      );
      this.paths.set(key, found);
    }
    return found;
  }
}

/** The literal key paths in front of each place `variable` indexes in `path`. */
function prefixesBefore(
  path: EnvPathPart[],
  variable: string,
  given: Record<string, string>,
): string[][] {
  const found: string[][] = [];
  const keys: string[] = [];
  for (const part of path) {
    if ('variable' in part && part.variable === variable) found.push([...keys]);
    const key = envPathKey(part, given);
    if (key === undefined || key === '') break;
    keys.push(key);
  }
  return found;
}
