import { describe, expect, it } from 'vitest';
import type { Favourites } from '../../src-mcp/api/contract.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { FavouriteRunbooks } from './favourites.svelte.js';
import { notices } from './notices.svelte.js';

/** The settings file's `pinned` and the tray state's recent list, as the host keeps them. */
function files(start: Favourites = { pinned: [], recent: [] }) {
  const saved = { pinned: [...start.pinned], recent: [...start.recent] };
  const fake = new FakeBridge({
    favourites: () => saved,
    pin: ({ name, pinned }) => {
      saved.pinned = pinned
        ? [...saved.pinned.filter((n) => n !== name), name]
        : saved.pinned.filter((n) => n !== name);
      return saved;
    },
    noteRecent: ({ name }) => {
      saved.recent = [name, ...saved.recent.filter((n) => n !== name)];
      return saved;
    },
  });
  return { saved, fake, favourites: new FavouriteRunbooks(fake.api) };
}

describe('FavouriteRunbooks against a fake back end', () => {
  it('pins and unpins, as the settings file then holds', async () => {
    const { saved, fake, favourites } = files();
    await favourites.setPinned('deploy', true);
    expect([favourites.isPinned('deploy'), saved.pinned]).toEqual([true, ['deploy']]);
    await favourites.setPinned('deploy', false);
    expect([favourites.isPinned('deploy'), saved.pinned]).toEqual([false, []]);
    expect(fake.argsOf('pin')).toEqual([
      { name: 'deploy', pinned: true },
      { name: 'deploy', pinned: false },
    ]);
  });

  it('puts an opened runbook first in Recent', async () => {
    const { favourites } = files({ pinned: [], recent: ['a', 'b'] });
    await favourites.noteOpened('b');
    expect(favourites.recent).toEqual(['b', 'a']);
  });

  it.each([
    { why: 'a runbook that is gone is not shown', exists: ['a'], pinned: ['a'], recent: [] },
    {
      why: 'a pinned runbook is not also recent',
      exists: ['a', 'b'],
      pinned: ['a'],
      recent: ['b'],
    },
  ])('shows the lists: $why', async ({ exists, pinned, recent }) => {
    const { favourites } = files({ pinned: ['a', 'gone'], recent: ['gone', 'a', 'b'] });
    await favourites.load();
    expect(favourites.shown((name) => exists.includes(name))).toEqual({ pinned, recent });
  });

  it('shows the five most recent', async () => {
    const recent = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const { favourites } = files({ pinned: [], recent });
    await favourites.load();
    expect(favourites.shown(() => true).recent).toEqual(recent.slice(0, 5));
  });

  it('says why a pin was refused and keeps the lists as they were', async () => {
    const { fake, favourites } = files({ pinned: ['a'], recent: [] });
    await favourites.load();
    fake.handle('pin', ({ name }) => {
      throw new FakeRefusal({ code: 'not-found', message: `No runbook named ${name}.` });
    });
    await favourites.setPinned('gone', true);
    expect([favourites.pinned, notices.items.at(-1)?.text]).toEqual([['a'], 'Could not pin gone.']);
  });

  it('is quiet when noting a runbook that is gone as opened', async () => {
    const { fake, favourites } = files({ pinned: [], recent: ['a'] });
    await favourites.load();
    fake.handle('noteRecent', () => {
      throw new FakeRefusal({ code: 'not-found', message: 'Gone.' });
    });
    const before = notices.items.length;
    await favourites.noteOpened('gone');
    expect([favourites.recent, notices.items.length]).toEqual([['a'], before]);
  });
});
