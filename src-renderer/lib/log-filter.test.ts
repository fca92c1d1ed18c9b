import { describe, expect, it } from 'vitest';
import type { LogOverview } from '../../src-mcp/api/contract.js';
import { filterLogs, type LogFilter } from './log-filter.js';

const log = (id: string, runbook: string, extra: Partial<LogOverview> = {}): LogOverview => ({
  id,
  runbook,
  createdAt: '2026-01-01T00:00:00Z',
  size: 10,
  excerpt: '',
  ...extra,
});

const LOGS = [
  log('1', 'ops/check', { outcome: 'success', title: 'Check', excerpt: 'all green in eu' }),
  log('2', 'ops/deploy', { outcome: 'failure', profile: 'production', excerpt: 'rollout stuck' }),
  log('3', 'ops/check', { excerpt: 'written before receipts' }),
];
const ALL: LogFilter = { runbook: '', outcome: 'any', text: '' };

describe('filterLogs', () => {
  it.each<[string, Partial<LogFilter>, string[]]>([
    ['no filter keeps every log, in order', {}, ['1', '2', '3']],
    ['one runbook', { runbook: 'ops/check' }, ['1', '3']],
    ['failures only', { outcome: 'failure' }, ['2']],
    ['logs without a receipt are "unknown"', { outcome: 'unknown' }, ['3']],
    ['text matches the excerpt, any case', { text: 'GREEN' }, ['1']],
    ['text matches the profile', { text: 'production' }, ['2']],
    ['every word must match', { text: 'check stuck' }, []],
  ])('%s', (_why, filter, ids) => {
    expect(filterLogs(LOGS, { ...ALL, ...filter }).map((l) => l.id)).toEqual(ids);
  });
});
