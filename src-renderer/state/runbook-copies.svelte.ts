import type { AppApi, TemplateInfo } from '../../src-mcp/api/contract.js';
import type { RunbookSummary } from '../../src-mcp/engine/types.js';
import { api as appApi } from '../lib/api.js';
import { library } from './library.svelte.js';

/** Duplicate and New from template; the back end never writes over a taken name. */
export class RunbookCopies {
  templates = $state.raw<TemplateInfo[]>([]);
  templatesLoaded = $state(false);

  constructor(
    private readonly api: AppApi = appApi,
    private readonly onCreated: () => Promise<void> = () => library.refresh(),
  ) {}

  async duplicate(name: string): Promise<RunbookSummary> {
    const summary = await this.api.duplicate({ name });
    await this.onCreated();
    return summary;
  }

  /** Throws for the dialog to show. */
  async loadTemplates(): Promise<void> {
    this.templates = await this.api.templates();
    this.templatesLoaded = true;
  }

  /** Throws the back end's error (a taken name: `exists`) for the dialog to show. */
  async createFromTemplate(template: string, name: string): Promise<RunbookSummary> {
    const summary = await this.api.createFromTemplate({ template, name });
    await this.onCreated();
    return summary;
  }
}

export const runbookCopies = new RunbookCopies();
