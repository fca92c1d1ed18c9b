import { describe, expect, it } from 'vitest';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { runbookOf, summaryOf } from '../test-support/fixtures.js';
import { notices } from './notices.svelte.js';
import { OpenRunbook } from './open-runbook.svelte.js';
import { RunbookFiles } from './runbook-files.svelte.js';

/** A fake folder of runbook names with a `.trash/`; the test reads both after each step. */
function folder(names: string[]) {
  const files = new Set(names);
  const trashed = new Map<string, string>();
  const fake = new FakeBridge({
    read: ({ name }) => runbookOf(name, `# ${name}`),
    create: ({ name }) => {
      if (files.has(name)) throw new FakeRefusal({ code: 'exists', message: `${name} exists.` });
      files.add(name);
      return summaryOf(name);
    },
    rename: ({ from, to }) => {
      if (files.has(to)) throw new FakeRefusal({ code: 'exists', message: `${to} exists.` });
      files.delete(from);
      files.add(to);
      return summaryOf(to);
    },
    delete: ({ name }) => {
      if (!files.delete(name)) throw new FakeRefusal({ code: 'not-found', message: `No ${name}.` });
      const trashPath = `.trash/1/${name}.md`;
      trashed.set(trashPath, name);
      return { trashPath };
    },
    restore: ({ trashPath }) => {
      const name = trashed.get(trashPath) ?? '';
      trashed.delete(trashPath);
      files.add(name);
      return summaryOf(name);
    },
    save: ({ name }) => summaryOf(name, 2000),
  });
  const open = new OpenRunbook(fake.api);
  let refreshes = 0;
  const runbookFiles = new RunbookFiles(fake.api, open, async () => void refreshes++);
  return { files, fake, open, runbookFiles, refreshes: () => refreshes };
}

const lastNotice = () => notices.items.at(-1);

describe('RunbookFiles against a fake back end', () => {
  it('creates a runbook and refreshes the library; a taken name is refused to the dialog', async () => {
    const { files, fake, runbookFiles, refreshes } = folder(['a']);
    expect((await runbookFiles.create('b')).name).toBe('b');
    await expect(runbookFiles.create('a')).rejects.toMatchObject({ code: 'exists' });
    expect([[...files], refreshes(), fake.argsOf('create')]).toEqual([
      ['a', 'b'],
      1,
      [{ name: 'b' }, { name: 'a' }],
    ]);
  });

  it('saves unsaved edits before renaming, closes the runbook and says so', async () => {
    const { files, fake, open, runbookFiles, refreshes } = folder(['a']);
    await open.open('a');
    open.edit('# edited');
    const summary = await runbookFiles.rename('a', 'b');
    expect(fake.calls.map((c) => c.method)).toEqual(['read', 'save', 'rename']);
    expect([summary.name, [...files], open.name, refreshes()]).toEqual(['b', ['b'], undefined, 1]);
    expect(lastNotice()?.text).toBe('Renamed to b');
  });

  it('does not rename when the unsaved edits cannot be saved, and keeps them', async () => {
    const { files, fake, open, runbookFiles } = folder(['a']);
    fake.handle('save', () => {
      throw new FakeRefusal({ code: 'conflict', message: 'Changed on disk.' });
    });
    await open.open('a');
    open.edit('# mine');
    await expect(runbookFiles.rename('a', 'b')).rejects.toThrow('Save or resolve the changes');
    expect([[...files], open.content, fake.argsOf('rename')]).toEqual([['a'], '# mine', []]);
  });

  it('moves a runbook to the trash, and Undo puts it back and shows it', async () => {
    const { files, open, runbookFiles, refreshes } = folder(['a']);
    await open.open('a');
    const shown: string[] = [];
    expect(await runbookFiles.remove('a', (name) => shown.push(name))).toBe(true);
    expect([[...files], open.name, refreshes()]).toEqual([[], undefined, 1]);
    const notice = lastNotice();
    expect([notice?.text, notice?.action?.label]).toEqual(['Moved a to .trash', 'Undo']);
    await notice?.action?.run();
    expect([[...files], shown, refreshes()]).toEqual([['a'], ['a'], 2]);
  });

  it('says why a delete was refused, and leaves the open runbook open', async () => {
    const { open, runbookFiles, refreshes } = folder(['a']);
    await open.open('a');
    expect(await runbookFiles.remove('gone', () => undefined)).toBe(false);
    expect([lastNotice()?.kind, lastNotice()?.text]).toEqual(['error', 'Could not delete gone.']);
    expect([open.name, refreshes()]).toEqual(['a', 0]);
  });
});
