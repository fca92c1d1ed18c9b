import { describe, expect, it } from 'vitest';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { EditorEnv } from './editor-env.svelte.js';

const envDocument = (env: Record<string, unknown>) => ({
  file: 'env.yaml',
  exists: true,
  text: '',
  mtimeMs: 1000,
  env,
  problems: [],
});

describe('EditorEnv against a fake back end', () => {
  it('loads env.yaml for the editor, and keeps it when a later read is refused', async () => {
    let broken = false;
    const fake = new FakeBridge({
      envRead: () => {
        if (broken) throw new FakeRefusal({ code: 'invalid-yaml', message: 'env.yaml line 3' });
        return envDocument({ oncall: { pager: 'pd' } });
      },
    });
    const env = new EditorEnv(fake.api);
    expect(await env.load()).toBe(true);
    broken = true;
    expect(await env.load()).toBe(false);
    expect(env.env).toEqual({ oncall: { pager: 'pd' } });
  });
});
