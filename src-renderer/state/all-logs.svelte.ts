import type { AppApi, LogOverview } from '../../src-mcp/api/contract.js';
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import { api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';
import { filterLogs, type LogFilter } from '../lib/log-filter.js';

/** Logs across all runbooks: the list, its filters, and the log being read. */
class AllLogs {
  logs = $state<LogOverview[] | undefined>(undefined);
  filter = $state<LogFilter>({ runbook: '', outcome: 'any', text: '' });
  shown = $derived(filterLogs(this.logs ?? [], this.filter));
  runbooks = $derived(
    (this.logs ?? [])
      .map((l) => l.runbook)
      .sort()
      .filter((name, i, names) => name !== names[i - 1]),
  );
  selected = $state<LogOverview | undefined>(undefined);
  text = $state('');
  error = $state<SerializedRunbookError | undefined>(undefined);

  constructor(private readonly api: AppApi = appApi) {}

  async load(): Promise<void> {
    try {
      this.logs = await this.api.logsAll({});
      this.error = undefined;
    } catch (caught) {
      this.error = toErrorDetail(caught);
    }
  }

  async show(log: LogOverview): Promise<void> {
    this.selected = log;
    this.text = '';
    try {
      const { text } = await this.api.logsRead({ name: log.runbook, id: log.id });
      if (this.selected === log) this.text = text;
    } catch (caught) {
      this.error = toErrorDetail(caught);
    }
  }
}

export const allLogs = new AllLogs();
