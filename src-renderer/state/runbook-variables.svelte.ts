import type { AppApi } from '../../src-mcp/api/contract.js';
import type { VariableSpec } from '../../src-mcp/engine/types.js';
import { api as appApi } from '../lib/api.js';

/**
 * One runbook's variables, for a run form shown without the runbook view (the quick fill window):
 * the library's list is brief, so they are asked for by name.
 */
export class RunbookVariables {
  /** Undefined while loading, and when the runbook could not be read (the view says so). */
  variables = $state.raw<VariableSpec[] | undefined>(undefined);
  private seq = 0;

  constructor(private readonly api: AppApi = appApi) {}

  async load(name: string): Promise<void> {
    const seq = ++this.seq;
    this.variables = undefined;
    const specs = await this.api.variables({ name }).catch(() => undefined);
    // The name may have changed while this one loaded: only the latest answer is shown.
    if (seq === this.seq) this.variables = specs;
  }
}
