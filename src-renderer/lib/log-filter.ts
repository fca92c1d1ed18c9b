import type { LogOverview } from '../../src-mcp/api/contract.js';

export type OutcomeFilter = 'any' | 'success' | 'failure' | 'partial' | 'unknown';

export interface LogFilter {
  /** A runbook name, or '' for all. */
  runbook: string;
  outcome: OutcomeFilter;
  /** Words that must all appear in the runbook's name or title, the profile or the excerpt. */
  text: string;
}

export function filterLogs(logs: readonly LogOverview[], filter: LogFilter): LogOverview[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return logs.filter((log) => {
    if (filter.runbook && log.runbook !== filter.runbook) return false;
    if (filter.outcome !== 'any' && (log.outcome ?? 'unknown') !== filter.outcome) return false;
    const haystack = [log.runbook, log.title, log.profile, log.excerpt].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
