import { describe, expect, it } from 'vitest';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { notices } from './notices.svelte.js';
import { QuickPick } from './quick-pick.svelte.js';

describe('QuickPick against a fake back end', () => {
  it('copies the rendered text of a runbook that needs no values', async () => {
    const copied: string[] = [];
    const fake = new FakeBridge({ render: ({ name }) => ({ text: `rendered ${name}` }) });
    const pick = new QuickPick(fake.api, async (text) => void copied.push(text));
    expect(await pick.copy('ops/restart')).toBe(true);
    expect(copied).toEqual(['rendered ops/restart']);
    expect(fake.argsOf('render')).toEqual([{ name: 'ops/restart' }]);
  });

  it('copies nothing when rendering is refused, and says why', async () => {
    const copied: string[] = [];
    const fake = new FakeBridge({
      render: () => {
        throw new FakeRefusal({ code: 'missing-values', message: 'Missing: service.' });
      },
    });
    const pick = new QuickPick(fake.api, async (text) => void copied.push(text));
    expect(await pick.copy('deploy')).toBe(false);
    expect(copied).toEqual([]);
    expect(notices.items.at(-1)).toMatchObject({
      kind: 'error',
      text: 'Could not render deploy.',
      error: { code: 'missing-values' },
    });
  });
});
