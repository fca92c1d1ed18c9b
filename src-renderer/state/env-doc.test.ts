import { describe, expect, it } from 'vitest';
import type { EnvDocument } from '../../src-mcp/api/contract.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { EnvDoc } from './env-doc.svelte.js';

/** A fake folder with env.yaml and env.production.yaml, each with its own disk text. */
function folder() {
  const disk = new Map([
    ['env.yaml', { text: 'a: 1\n', mtimeMs: 100 }],
    ['env.production.yaml', { text: 'a: 2\n', mtimeMs: 200 }],
  ]);
  const fileOf = (profile: string | undefined) => (profile ? `env.${profile}.yaml` : 'env.yaml');
  const doc = (file: string): EnvDocument => {
    const { text, mtimeMs } = disk.get(file) ?? { text: '', mtimeMs: 0 };
    return { file, exists: true, text, mtimeMs, env: {}, problems: [] };
  };
  const fake = new FakeBridge({
    envRead: ({ profile }) => doc(fileOf(profile)),
    envSave: ({ profile, text, baseMtimeMs }) => {
      const file = fileOf(profile);
      const now = disk.get(file);
      if (now && baseMtimeMs !== now.mtimeMs) {
        throw new FakeRefusal({
          code: 'conflict',
          message: `${file} changed on disk.`,
          details: [{ diskContent: now.text, diskMtimeMs: now.mtimeMs }],
        });
      }
      disk.set(file, { text, mtimeMs: (now?.mtimeMs ?? 0) + 1 });
      return doc(file);
    },
  });
  return { disk, fake, env: new EnvDoc(fake.api) };
}

describe('EnvDoc against a fake back end', () => {
  it('reads the chosen profile’s file and saves to that file only', async () => {
    const { env, fake, disk } = folder();
    await env.load('production');
    expect([env.stored?.file, env.text]).toEqual(['env.production.yaml', 'a: 2\n']);
    env.edit('a: 3\n');
    expect(env.dirty).toBe(true);
    await env.save();
    expect(fake.argsOf('envSave')).toEqual([
      { profile: 'production', text: 'a: 3\n', baseMtimeMs: 200 },
    ]);
    expect([disk.get('env.production.yaml')?.text, disk.get('env.yaml')?.text]).toEqual([
      'a: 3\n',
      'a: 1\n',
    ]);
    expect(env.dirty).toBe(false);
  });

  it('keeps both versions when the file changed under unsaved edits, then writes the chosen one', async () => {
    const { env, disk } = folder();
    await env.load('');
    env.edit('mine: 1\n');
    disk.set('env.yaml', { text: 'theirs: 1\n', mtimeMs: 150 });
    await env.changedOnDisk();
    expect(env.conflict).toEqual({ content: 'theirs: 1\n', mtimeMs: 150 });
    expect(env.text).toBe('mine: 1\n');
    await env.keepMine();
    expect([disk.get('env.yaml')?.text, env.conflict]).toEqual(['mine: 1\n', undefined]);
  });

  it('shows a change on disk at once when nothing is edited', async () => {
    const { env, disk } = folder();
    await env.load('');
    const version = env.version;
    disk.set('env.yaml', { text: 'b: 1\n', mtimeMs: 300 });
    await env.changedOnDisk();
    expect([env.text, env.conflict, env.version]).toEqual(['b: 1\n', undefined, version + 1]);
  });

  it('gives back the disk text when the user discards the edits', async () => {
    const { env } = folder();
    await env.load('');
    env.edit('oops');
    env.discard();
    expect([env.text, env.dirty]).toEqual(['a: 1\n', false]);
  });
});
