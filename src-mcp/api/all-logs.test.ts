import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { apiCaller } from '../test-support/api-calls.js';
import { makeFolder } from '../test-support/temp-folder.js';
import type { ApiHandlers } from './contract.js';
import { allLogsHandlers } from './service-all-logs.js';

let engine: Engine;
let handlers: ApiHandlers;

const { call } = apiCaller(() => handlers);
const logsAll = (args: unknown = {}) => call('logsAll', args);

beforeEach(async () => {
  const dir = await makeFolder({
    'ops/check.md': '---\ntitle: Check\n---\nCheck {var.region}\n',
    'ops/deploy.md': '# Deploy\n',
    'ops/quiet.md': '# Never run\n',
  });
  const logsDir = path.join(await makeFolder({}, 'all-logs-'), 'logs');
  await fs.mkdir(logsDir, { recursive: true });
  engine = Engine.open({ dir, logsDir });
  handlers = allLogsHandlers({ engine }) as ApiHandlers;
});

describe('logsAll', () => {
  it('lists every runbook’s logs newest first, with outcome, title and a redacted excerpt', async () => {
    await engine.appendLog('ops/check', 'first run', {}, { outcome: 'failure' });
    await engine.appendLog('ops/deploy', 'token=ghp_abcdefghijklmnopqrstuvwxyz0123456789 shipped');
    await engine.appendLog('ops/check', 'all green', {}, { outcome: 'success' });
    const logs = await logsAll();
    expect(logs.map((l) => [l.runbook, l.outcome])).toEqual([
      ['ops/check', 'success'],
      ['ops/deploy', undefined],
      ['ops/check', 'failure'],
    ]);
    expect(logs[0]).toMatchObject({ title: 'Check' });
    expect(logs[0]?.excerpt).toContain('all green');
    expect(JSON.stringify(logs)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it.each<[string, unknown, number | 'error']>([
    ['no logs at all', {}, 0],
    ['a limit below 1 is refused', { limit: 0 }, 'error'],
    ['a limit that is not a number is refused', { limit: 'all' }, 'error'],
  ])('%s', async (_why, args, expected) => {
    if (expected === 'error') await expect(logsAll(args)).rejects.toThrow();
    else expect(await logsAll(args)).toHaveLength(expected);
  });
});
