import type { AppApi } from '../../src-mcp/api/contract.js';
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { LogEntry } from '../../src-mcp/engine/types.js';
import { api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';

/** What a shown log's receipt lets the run form fill in again; secrets are only named. */
export interface RunAgain {
  values: Record<string, string>;
  profile?: string;
  secrets: string[];
}

/** One runbook's execution logs, newest first, and the one shown with what its receipt allows. */
export class RunbookLogs {
  entries = $state<LogEntry[] | undefined>(undefined);
  selected = $state<string | undefined>(undefined);
  text = $state('');
  error = $state<SerializedRunbookError | undefined>(undefined);
  again = $state<RunAgain | undefined>(undefined);
  private readonly api: AppApi;

  constructor(
    readonly name: string,
    api: AppApi = appApi,
  ) {
    this.api = api;
  }

  /** Lists the logs and shows the newest. */
  async load(): Promise<void> {
    try {
      const list = await this.api.logsList({ name: this.name });
      this.entries = list;
      if (list[0]) await this.show(list[0].id);
    } catch (caught) {
      this.error = toErrorDetail(caught);
    }
  }

  async show(id: string): Promise<void> {
    this.selected = id;
    this.again = undefined;
    try {
      const { text } = await this.api.logsRead({ name: this.name, id });
      const logged = await this.api.logReceipt({ name: this.name, id });
      // The user may have picked another log meanwhile: only the shown one's answer counts.
      if (this.selected !== id) return;
      this.text = text;
      const receipt = logged.receipt;
      if (receipt?.valuesKnown) {
        this.again = { values: logged.values, profile: logged.profile, secrets: receipt.secrets };
      }
    } catch (caught) {
      this.error = toErrorDetail(caught);
    }
  }
}
