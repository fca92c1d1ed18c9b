import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../src-mcp/engine/receipt.js';
import type { LogEntry } from '../../src-mcp/engine/types.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { deferred } from '../test-support/fixtures.js';
import { RunbookLogs } from './runbook-logs.svelte.js';

const log = (id: string): LogEntry => ({
  id,
  runbook: 'deploy',
  createdAt: '2026-11-30T00:00:00Z',
  size: 10,
});

const receipt = (valuesKnown: boolean): Receipt => ({
  runbook: 'deploy',
  hashedAt: 'render',
  values: { service: 'api' },
  masked: ['token'],
  secrets: ['token'],
  valuesKnown,
  endedAt: '2026-11-30T00:00:01Z',
});

/** Two logs, newest first: `new` ran with known values, `old` was written by another process. */
function folder() {
  return new FakeBridge({
    logsList: () => [log('new'), log('old')],
    logsRead: ({ id }) => ({ text: `log ${id}` }),
    logReceipt: ({ id }) => ({
      receipt: receipt(id === 'new'),
      values: id === 'new' ? { service: 'api' } : ({} as Record<string, string>),
      profile: 'production',
    }),
  });
}

describe('RunbookLogs against a fake back end', () => {
  it('lists the logs and shows the newest, with its values to run again (secrets only named)', async () => {
    const fake = folder();
    const logs = new RunbookLogs('deploy', fake.api);
    await logs.load();
    expect(logs.entries?.map((e) => e.id)).toEqual(['new', 'old']);
    expect([logs.selected, logs.text]).toEqual(['new', 'log new']);
    expect(logs.again).toEqual({
      values: { service: 'api' },
      profile: 'production',
      secrets: ['token'],
    });
    expect(fake.argsOf('logsRead')).toEqual([{ name: 'deploy', id: 'new' }]);
  });

  it('offers no "run again" for a log whose values are unknown', async () => {
    const logs = new RunbookLogs('deploy', folder().api);
    await logs.load();
    await logs.show('old');
    expect([logs.text, logs.again]).toEqual(['log old', undefined]);
  });

  it('keeps the log the user picked last when an earlier answer arrives late', async () => {
    const fake = folder();
    const slow = deferred<{ text: string }>();
    fake.handle('logsRead', ({ id }) => (id === 'old' ? slow.promise : { text: `log ${id}` }));
    const logs = new RunbookLogs('deploy', fake.api);
    await logs.load();
    const late = logs.show('old');
    await logs.show('new');
    slow.resolve({ text: 'log old' });
    await late;
    expect([logs.selected, logs.text]).toEqual(['new', 'log new']);
  });

  it('shows a refusal as an error to read, not a crash', async () => {
    const fake = folder();
    fake.handle('logsList', () => {
      throw new FakeRefusal({ code: 'not-found', message: 'No runbook named deploy.' });
    });
    const logs = new RunbookLogs('deploy', fake.api);
    await logs.load();
    expect([logs.error?.code, logs.entries]).toEqual(['not-found', undefined]);
  });
});
