import { describe, expect, it } from 'vitest';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { runbookOf, summaryOf } from '../test-support/fixtures.js';
import { OpenRunbook } from './open-runbook.svelte.js';

/** A fake folder holding one runbook `deploy`, whose disk copy the test can change. */
function folder(content = 'v1', mtimeMs = 1000) {
  const disk = { content, mtimeMs, exists: true };
  const fake = new FakeBridge({
    read: ({ name }) => {
      if (!disk.exists) throw new FakeRefusal({ code: 'not-found', message: `No ${name}.` });
      return runbookOf(name, disk.content, disk.mtimeMs);
    },
    save: ({ name, content: text, baseMtimeMs }) => {
      if (baseMtimeMs !== disk.mtimeMs) {
        throw new FakeRefusal({
          code: 'conflict',
          message: 'Changed on disk.',
          details: [{ diskContent: disk.content, diskMtimeMs: disk.mtimeMs }],
        });
      }
      Object.assign(disk, { content: text, mtimeMs: disk.mtimeMs + 1 });
      return summaryOf(name, disk.mtimeMs);
    },
    create: ({ name, content: text }) => {
      Object.assign(disk, { content: text ?? '', exists: true });
      return summaryOf(name.replace(/\.md$/, ''), disk.mtimeMs);
    },
  });
  return { disk, fake, open: new OpenRunbook(fake.api) };
}

describe('OpenRunbook against a fake back end', () => {
  it('opens a runbook: its text is shown and nothing is unsaved', async () => {
    const { open, fake } = folder('hello');
    await open.open('deploy');
    expect([open.content, open.dirty, open.unsaved, open.version]).toEqual([
      'hello',
      false,
      false,
      1,
    ]);
    expect(fake.misuses).toEqual([]);
  });

  it('keeps the refusal of a missing runbook as its load error', async () => {
    const { open, disk } = folder();
    disk.exists = false;
    await open.open('gone');
    expect(open.loadError?.code).toBe('not-found');
    expect(open.stored).toBeUndefined();
  });

  it('saves against the version it opened, then is clean', async () => {
    const { open, fake, disk } = folder('v1', 1000);
    await open.open('deploy');
    open.edit('v2');
    expect(open.dirty).toBe(true);
    expect(await open.save()).toBe(true);
    expect(fake.argsOf('save')).toEqual([{ name: 'deploy', content: 'v2', baseMtimeMs: 1000 }]);
    expect([disk.content, open.dirty]).toEqual(['v2', false]);
  });

  it('never overwrites a newer disk version: both are kept until the user chooses', async () => {
    const { open, disk } = folder('v1', 1000);
    await open.open('deploy');
    open.edit('mine');
    Object.assign(disk, { content: 'theirs', mtimeMs: 2000 });
    expect(await open.save()).toBe(false);
    expect(open.conflict).toEqual({ content: 'theirs', mtimeMs: 2000 });
    expect([disk.content, open.content]).toEqual(['theirs', 'mine']);
    await open.keepMine();
    expect([disk.content, open.conflict]).toEqual(['mine', undefined]);
  });

  it('reloads a change on disk when there are no edits, and asks when there are', async () => {
    const { open, disk } = folder('v1');
    await open.open('deploy');
    Object.assign(disk, { content: 'v2', mtimeMs: 2000 });
    await open.changedOnDisk();
    expect([open.content, open.conflict]).toEqual(['v2', undefined]);
    open.edit('mine');
    Object.assign(disk, { content: 'v3', mtimeMs: 3000 });
    await open.changedOnDisk();
    expect([open.content, open.conflict]).toEqual(['mine', { content: 'v3', mtimeMs: 3000 }]);
    await open.takeDisk();
    expect([open.content, open.conflict, open.dirty]).toEqual(['v3', undefined, false]);
  });

  it('writes a runbook removed on disk back under its own path (create, not save)', async () => {
    const { open, fake, disk } = folder('keep me');
    await open.open('deploy');
    disk.exists = false;
    open.removedOnDisk();
    expect(open.unsaved).toBe(true);
    expect(await open.save()).toBe(true);
    expect(fake.argsOf('create')).toEqual([{ name: 'deploy.md', content: 'keep me' }]);
    expect(fake.argsOf('save')).toEqual([]);
    expect([disk.exists, open.removed, open.unsaved]).toEqual([true, false, false]);
  });
});
