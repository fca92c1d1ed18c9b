import type { AppApi } from '../../src-mcp/api/contract.js';
import { api as appApi } from '../lib/api.js';
import { copyText } from '../lib/clipboard.js';
import { notices } from './notices.svelte.js';

/** The quick picker's one action on a runbook that needs no values: render it and copy it. */
export class QuickPick {
  private readonly api: AppApi;
  private readonly copyText: (text: string) => Promise<void>;

  /** `api` and `copy` are the app's back end and clipboard; tests give fakes. */
  constructor(api: AppApi = appApi, copy: (text: string) => Promise<void> = copyText) {
    this.api = api;
    this.copyText = copy;
  }

  /** Renders strictly (as the MCP server would) and copies; says what happened either way. */
  async copy(name: string): Promise<boolean> {
    try {
      await this.copyText((await this.api.render({ name })).text);
      notices.success(`Copied ${name}`);
      return true;
    } catch (error) {
      notices.error(error, `Could not render ${name}.`);
      return false;
    }
  }
}

export const quickPick = new QuickPick();
