import { describe, expect, it } from 'vitest';
import type { ConfigChangePlan } from '../../src-mcp/api/contract.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { ClientSetup } from './client-setup.svelte.js';

/** A fake Claude Desktop config file: install adds our entry, unless the file moved on. */
function configFile(initial = '{}') {
  const file = { text: initial, writes: 0 };
  const planFor = (action: 'install' | 'uninstall', name = 'runbook'): ConfigChangePlan => ({
    client: 'claude',
    label: 'Claude Desktop',
    configPath: '/home/me/.config/Claude/claude_desktop_config.json',
    name,
    action: action === 'install' ? 'add' : 'remove',
    before: file.text,
    after: action === 'install' ? `{"mcpServers":{"${name}":{}}}` : '{}',
    diff: '+ entry',
    replacesLegacy: [],
    legacy: [],
    warnings: [],
    restartHint: 'Restart Claude Desktop.',
  });
  const fake = new FakeBridge({
    clientPlan: ({ action, name }) => planFor(action, name),
    clientApply: ({ action, name, expectedBefore }) => {
      if (expectedBefore !== file.text) {
        throw new FakeRefusal({ code: 'conflict', message: 'The file changed since you saw it.' });
      }
      const plan = planFor(action, name);
      file.text = plan.after;
      file.writes++;
      return { ...plan, written: true, backupPath: '/tmp/backup.json' };
    },
  });
  return { file, fake };
}

describe('ClientSetup against a fake back end', () => {
  it('shows the change first, writes it on apply, and reloads the statuses', async () => {
    const { file, fake } = configFile();
    let reloads = 0;
    const setup = new ClientSetup('claude', async () => void reloads++, fake.api);
    await setup.preview('install', 'runbook');
    expect([setup.plan?.action, file.writes]).toEqual(['add', 0]);
    await setup.apply();
    expect(fake.argsOf('clientApply')).toEqual([
      {
        client: 'claude',
        action: 'install',
        replaceLegacy: false,
        name: 'runbook',
        expectedBefore: '{}',
      },
    ]);
    expect([file.writes, setup.plan, setup.lastWrite, reloads]).toEqual([
      1,
      undefined,
      { action: 'install', backupPath: '/tmp/backup.json' },
      1,
    ]);
  });

  it('refuses to write over a file that changed after the user reviewed the diff', async () => {
    const { file, fake } = configFile();
    const setup = new ClientSetup('claude', async () => undefined, fake.api);
    await setup.preview('install');
    file.text = '{"edited":"by hand"}';
    await setup.apply();
    expect(setup.error?.code).toBe('conflict');
    expect([file.text, setup.lastWrite]).toEqual(['{"edited":"by hand"}', undefined]);
    expect(setup.busy).toBe(false);
  });

  it('passes "replace the earlier tool" and another name through to the plan', async () => {
    const { fake } = configFile();
    const setup = new ClientSetup('claude', async () => undefined, fake.api);
    setup.replaceLegacy = true;
    await setup.preview('install', 'runbook-companion');
    expect(fake.argsOf('clientPlan')).toEqual([
      { client: 'claude', action: 'install', replaceLegacy: true, name: 'runbook-companion' },
    ]);
    setup.cancel();
    expect(setup.plan).toBeUndefined();
  });
});
