import { describe, expect, it } from 'vitest';
import type { VariableSpec } from '../../src-mcp/engine/types.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { deferred } from '../test-support/fixtures.js';
import { RunbookVariables } from './runbook-variables.svelte.js';

const spec = (name: string): VariableSpec => ({
  name,
  required: true,
  secret: false,
  declared: true,
});

describe('RunbookVariables against a fake back end', () => {
  it('asks for one runbook’s variables by name', async () => {
    const fake = new FakeBridge({ variables: ({ name }) => [spec(`${name}-var`)] });
    const state = new RunbookVariables(fake.api);
    await state.load('deploy');
    expect([state.variables?.map((v) => v.name), fake.argsOf('variables')]).toEqual([
      ['deploy-var'],
      [{ name: 'deploy' }],
    ]);
  });

  it('shows only the latest runbook’s variables when answers arrive out of order', async () => {
    const answers = new Map([
      ['first', deferred<VariableSpec[]>()],
      ['second', deferred<VariableSpec[]>()],
    ]);
    const fake = new FakeBridge({ variables: ({ name }) => answers.get(name)?.promise ?? [] });
    const state = new RunbookVariables(fake.api);
    const first = state.load('first');
    const second = state.load('second');
    answers.get('second')?.resolve([spec('b')]);
    await second;
    answers.get('first')?.resolve([spec('a')]);
    await first;
    expect(state.variables?.map((v) => v.name)).toEqual(['b']);
  });

  it('shows none for a runbook that cannot be read', async () => {
    const fake = new FakeBridge({
      variables: ({ name }) => {
        throw new FakeRefusal({ code: 'not-found', message: `No runbook named ${name}.` });
      },
    });
    const state = new RunbookVariables(fake.api);
    await state.load('gone');
    expect(state.variables).toBeUndefined();
  });
});
