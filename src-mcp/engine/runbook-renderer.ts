/**
 * The engine's renders: a runbook with its includes, its values and env, strict (a run) or lenient
 * (a live preview). Every secret a render receives is remembered, so the logs can redact it.
 */
import type { Catalog } from './catalog.js';
import type { LoadedEnv } from './env.js';
import { loadIncludes, type IncludeSource } from './include.js';
import type { IncludeGraph } from './include-graph.js';
import { prepareRender, type PreviewRequest, type RenderRequest } from './render-request.js';
import type { RunbookFiles } from './runbook-files.js';
import { rememberRender, type SecretMemory } from './secret-memory.js';
import { renderLenient, renderStrict } from './template.js';
import type { LenientRender, Runbook } from './types.js';

export interface RenderSources {
  catalog: Catalog;
  files: RunbookFiles;
  includes: IncludeGraph;
  /** A runbook by name, with the variables of the runbooks it includes. */
  read: (name: string) => Promise<Runbook>;
  env: (profile: string | undefined) => Promise<LoadedEnv>;
}

export class RunbookRenderer {
  /** Included runbooks are found by their exact names, inside the folder like every other. */
  private readonly includeSource: IncludeSource;

  constructor(
    private readonly sources: RenderSources,
    private readonly secrets: SecretMemory,
  ) {
    const { catalog, files } = sources;
    this.includeSource = {
      read: async (name) => {
        const summary = catalog.exact(name);
        return summary && files.read(summary).catch(() => undefined);
      },
      suggest: (name) => catalog.suggest(name),
    };
  }

  /**
   * The texts a render of the runbook reads: its body, then each included runbook's body (a
   * missing or cyclic include is left out). For what the bodies use: env paths, variables.
   */
  async templateTexts(name: string): Promise<string[]> {
    const runbook = await this.sources.read(name);
    const loaded = await loadIncludes(runbook, this.includeSource, { lenient: true });
    return [runbook.body, ...loaded.runbooks.map((r) => r.body)];
  }

  async render(name: string, request: RenderRequest): Promise<string> {
    const runbook = await this.sources.read(name);
    // First: even a render that fails received the secret values, and they can come back in a log.
    rememberRender(this.secrets, runbook, { vars: request.vars ?? {}, env: {} }, '');
    const included = await loadIncludes(runbook, this.includeSource);
    const prepared = await prepareRender(runbook, request, this.sources.env, { included });
    const text = renderStrict(runbook.body, prepared.context);
    // Then the secret defaults and the secret env values the text shows.
    rememberRender(this.secrets, runbook, prepared.context, text);
    return text;
  }

  async preview(name: string, request: PreviewRequest): Promise<LenientRender> {
    const stored = await this.sources.read(name);
    const runbook =
      request.content === undefined
        ? stored
        : this.sources.includes.withIncluded(this.sources.files.parse(stored, request.content), {
            fresh: true,
          });
    const included = await loadIncludes(runbook, this.includeSource, { lenient: true });
    const prepared = await prepareRender(runbook, request, this.sources.env, {
      lenient: true,
      included,
    });
    const result = renderLenient(runbook.body, prepared.context);
    rememberRender(this.secrets, runbook, prepared.context, result.text);
    return { ...result, diagnostics: [...prepared.diagnostics, ...result.diagnostics] };
  }
}
