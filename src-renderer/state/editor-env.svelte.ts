import type { AppApi } from '../../src-mcp/api/contract.js';
import type { EnvMapping } from '../../src-mcp/engine/types.js';
import { api as appApi } from '../lib/api.js';

/**
 * env.yaml as the runbook editor's completions and lint see it. A file that cannot be read keeps
 * what was loaded before: the editor must not lose its completions to a half-saved env.yaml.
 */
export class EditorEnv {
  env: EnvMapping = {};
  private readonly api: AppApi;

  constructor(api: AppApi = appApi) {
    this.api = api;
  }

  /** Loads env.yaml; true when it changed what the editor sees. */
  async load(): Promise<boolean> {
    try {
      this.env = (await this.api.envRead({})).env;
      return true;
    } catch {
      return false;
    }
  }
}
