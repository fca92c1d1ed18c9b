import { describe, expect, it } from 'vitest';
import type { VariableSpec } from '../../src-mcp/engine/types.js';
import { FakeBridge } from '../test-support/fake-bridge.js';
import { deferred } from '../test-support/fixtures.js';
import { RunForm } from './run-form.svelte.js';

const spec = (name: string, extra: Partial<VariableSpec> = {}): VariableSpec => ({
  name,
  required: true,
  secret: false,
  declared: true,
  ...extra,
});

/** Preview: the values given, one per line, so the test sees what was sent. */
function backEnd() {
  return new FakeBridge({
    preview: ({ vars, profile }) => ({
      text: `${profile ?? '-'} ${JSON.stringify(vars ?? {})}`,
      unresolved: [],
      diagnostics: [],
    }),
  });
}

describe('RunForm against a fake back end', () => {
  it('starts from defaults, lists the required values still missing, and previews', async () => {
    const fake = backEnd();
    const form = new RunForm(fake.api);
    await form.load('deploy', [
      spec('service'),
      spec('replicas', { default: '2', required: false }),
    ]);
    expect(form.values).toEqual({ service: '', replicas: '2' });
    expect(form.missingRequired.map((v) => v.name)).toEqual(['service']);
    // An empty field is "not filled in": it is left out, so the preview marks the placeholder.
    expect(form.preview?.text).toBe('- {"replicas":"2"}');
    form.set('service', 'api');
    expect(form.missingRequired).toEqual([]);
  });

  it('keeps only the latest preview when answers arrive out of order', async () => {
    const fake = backEnd();
    const form = new RunForm(fake.api);
    await form.load('deploy', [spec('service')]);
    const slow = deferred<{ text: string; unresolved: []; diagnostics: [] }>();
    fake.handle('preview', ({ vars }) =>
      vars?.service === 'old' ? slow.promise : { text: 'new', unresolved: [], diagnostics: [] },
    );
    form.values = { service: 'old' };
    const first = form.refresh();
    form.values = { service: 'new' };
    await form.refresh();
    slow.resolve({ text: 'old', unresolved: [], diagnostics: [] });
    await first;
    expect(form.preview?.text).toBe('new');
  });

  it('keeps typed values when the same runbook reloads (its file changed), not for another', async () => {
    const form = new RunForm(backEnd().api);
    await form.load('deploy', [spec('service')]);
    form.set('service', 'api');
    await form.load('deploy', [spec('service'), spec('region')]);
    expect(form.values).toEqual({ service: 'api', region: '' });
    await form.load('rollback', [spec('service')]);
    expect(form.values).toEqual({ service: '' });
  });

  it('sends the chosen profile with the preview', async () => {
    const fake = backEnd();
    const form = new RunForm(fake.api);
    await form.load('deploy', []);
    form.profile = 'production';
    await form.refresh();
    expect(fake.argsOf('preview').at(-1)).toEqual({
      name: 'deploy',
      vars: {},
      profile: 'production',
    });
  });
});
