/**
 * Scans and applies take turns. Both yield between batches, and a watcher's apply that ran in the
 * middle of a full rescan was undone by it: the rescan, which had walked the folder before the new
 * file existed, then removed what it had not seen (the e2e scale test lost 1 of 2,012 runbooks).
 */
import { describe, expect, it } from 'vitest';
import { IncludeGraph } from './include-graph.js';
import { IndexSync, type SyncedIndexer } from './index-sync.js';
import type { ChangeEvent } from './types.js';

const none = (): ChangeEvent => ({
  added: [],
  changed: [],
  removed: [],
  listChanged: false,
  envChanged: false,
});

/** An indexer whose scans wait until the test lets them finish, and which logs what ran when. */
function gatedIndexer() {
  const log: string[] = [];
  const gates: Array<() => void> = [];
  const indexer: SyncedIndexer = {
    async scanAll() {
      log.push('scan starts');
      await new Promise<void>((resolve) => gates.push(resolve));
      log.push('scan ends');
      return none();
    },
    async apply(paths) {
      log.push(`apply ${paths.join(',')}`);
      if (paths.includes('broken')) throw new Error('unreadable');
      return { ...none(), added: [...paths] };
    },
  };
  const finishScan = async (): Promise<void> => {
    while (!gates.length) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  };
  return { log, indexer, finishScan };
}

function syncOver(indexer: SyncedIndexer): IndexSync {
  return new IndexSync(
    indexer,
    new IncludeGraph({ exact: () => undefined, all: () => [] }),
    undefined,
  );
}

describe('IndexSync', () => {
  it('runs an apply that arrives during a rescan after it, not inside it', async () => {
    const { log, indexer, finishScan } = gatedIndexer();
    const sync = syncOver(indexer);
    const rescan = sync.rescan();
    const apply = sync.apply(['late.md']);
    await finishScan();
    await Promise.all([rescan, apply]);
    expect(log).toEqual(['scan starts', 'scan ends', 'apply late.md']);
  });

  it('runs a rescan asked for during an apply after it, and goes on after a failure', async () => {
    const { log, indexer, finishScan } = gatedIndexer();
    const sync = syncOver(indexer);
    const failed = sync.apply(['broken']);
    const rescan = sync.rescan();
    const after = sync.apply(['next.md']);
    await expect(failed).rejects.toThrow('unreadable');
    await finishScan();
    expect((await after).added).toEqual(['next.md']);
    await rescan;
    expect(log).toEqual(['apply broken', 'scan starts', 'scan ends', 'apply next.md']);
  });
});
