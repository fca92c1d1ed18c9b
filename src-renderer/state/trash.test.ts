import { describe, expect, it } from 'vitest';
import type { TrashItem } from '../../src-mcp/api/contract.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { summaryOf } from '../test-support/fixtures.js';
import { Trash } from './trash.svelte.js';

const item = (name: string, taken = false): TrashItem => ({
  trashPath: `.trash/2024-01-01T00-00-00/${name}.md`,
  path: `${name}.md`,
  name,
  deletedAt: '2024-01-01T00:00:00Z',
  reason: 'deleted',
  size: 10,
  taken,
});

/** A fake `.trash/` and folder: restoring over a runbook that exists is refused, as the host does. */
function bin(items: TrashItem[], folder: string[] = []) {
  const trashed = new Map(items.map((i) => [i.trashPath, i]));
  const files = new Set(folder);
  const fake = new FakeBridge({
    trashList: () => [...trashed.values()],
    trashRestore: ({ trashPath, as }) => {
      const name = as ?? trashed.get(trashPath)?.name ?? '';
      if (files.has(name)) throw new FakeRefusal({ code: 'exists', message: `${name} exists.` });
      trashed.delete(trashPath);
      files.add(name);
      return summaryOf(name);
    },
    trashDelete: ({ trashPath }) => {
      trashed.delete(trashPath);
      return {};
    },
  });
  let refreshes = 0;
  const trash = new Trash(fake.api, async () => void refreshes++);
  return { trashed, files, fake, trash, refreshes: () => refreshes };
}

describe('Trash against a fake back end', () => {
  it('lists what the trash holds', async () => {
    const { trash } = bin([item('a'), item('b')]);
    await trash.refresh();
    expect([trash.loaded, trash.items.map((i) => i.name), trash.loadError]).toEqual([
      true,
      ['a', 'b'],
      undefined,
    ]);
  });

  it('keeps the reason on screen when the trash cannot be read', async () => {
    const { fake, trash } = bin([]);
    fake.handle('trashList', () => {
      throw new FakeRefusal({ code: 'io', message: 'Permission denied: .trash' });
    });
    await trash.refresh();
    expect([trash.loaded, trash.loadError?.code, trash.items]).toEqual([true, 'io', []]);
  });

  it('restores a runbook: it leaves the list and the library lists it', async () => {
    const { trash, files, refreshes } = bin([item('a'), item('b')]);
    await trash.refresh();
    const [first] = trash.items;
    if (!first) throw new Error('no item');
    expect((await trash.restore(first)).name).toBe('a');
    expect([trash.items.map((i) => i.name), [...files], refreshes()]).toEqual([['b'], ['a'], 1]);
  });

  it('never restores over a taken name: it throws for the dialog and keeps the item', async () => {
    const { trash, fake, refreshes } = bin([item('a', true)], ['a']);
    await trash.refresh();
    const [taken] = trash.items;
    if (!taken) throw new Error('no item');
    await expect(trash.restore(taken)).rejects.toMatchObject({ code: 'exists' });
    expect([trash.items.length, refreshes()]).toEqual([1, 0]);
    expect((await trash.restore(taken, 'a-restored')).name).toBe('a-restored');
    expect(fake.argsOf('trashRestore').at(-1)).toEqual({
      trashPath: taken.trashPath,
      as: 'a-restored',
    });
  });

  it('deletes forever only the one trashed file asked for', async () => {
    const { trash, trashed, fake } = bin([item('a'), item('b')]);
    await trash.refresh();
    const [first] = trash.items;
    if (!first) throw new Error('no item');
    await trash.deleteForever(first);
    expect(fake.argsOf('trashDelete')).toEqual([{ trashPath: first.trashPath }]);
    expect([trash.items.map((i) => i.name), [...trashed.keys()].length]).toEqual([['b'], 1]);
  });
});
