import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src-mcp/engine/history.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { deferred, runbookOf } from '../test-support/fixtures.js';
import { OpenRunbook } from './open-runbook.svelte.js';
import { VersionHistory } from './version-history.svelte.js';

const entry = (hash: string): HistoryEntry => ({
  hash: hash.padEnd(40, '0'),
  date: '2026-01-02T03:04:05Z',
  author: 'Ann',
  subject: `commit ${hash}`,
  path: 'deploy.md',
});
const VERSIONS = new Map([
  [entry('aaa').hash, 'first'],
  [entry('bbb').hash, 'second'],
]);

function repo() {
  const fake = new FakeBridge({
    read: ({ name }) => runbookOf(name, 'current'),
    history: ({ name }) => ({ name, entries: [entry('bbb'), entry('aaa')] }),
    historyShow: ({ name, revision }) => ({
      name,
      hash: revision,
      path: `${name}.md`,
      text: VERSIONS.get(revision) ?? '',
    }),
  });
  return { fake, editor: new OpenRunbook(fake.api) };
}

describe('VersionHistory against a fake back end', () => {
  it('restores a chosen version into the editor as an unsaved edit, writing nothing', async () => {
    const { fake, editor } = repo();
    await editor.open('deploy');
    const history = new VersionHistory(fake.api, editor);
    await history.load('deploy');
    expect(history.entries?.map((e) => e.subject)).toEqual(['commit bbb', 'commit aaa']);
    await history.pick(entry('aaa'));
    history.restore();
    expect([editor.content, editor.dirty]).toEqual(['first', true]);
    expect(fake.calls.map((c) => c.method)).toEqual(['read', 'history', 'historyShow']);
  });

  it('keeps a folder without git as an error to show, not a crash', async () => {
    const { fake, editor } = repo();
    fake.handle('history', () => {
      throw new FakeRefusal({ code: 'unavailable', message: 'Not a git repository.' });
    });
    const history = new VersionHistory(fake.api, editor);
    await history.load('deploy');
    expect([history.error?.code, history.entries]).toEqual(['unavailable', undefined]);
  });

  it('drops the history of a runbook the user already left', async () => {
    const { fake, editor } = repo();
    const slow = deferred<{ name: string; entries: HistoryEntry[] }>();
    fake.handle('history', ({ name }) =>
      name === 'old' ? slow.promise : { name, entries: [entry('bbb')] },
    );
    const history = new VersionHistory(fake.api, editor);
    const first = history.load('old');
    await history.load('deploy');
    slow.resolve({ name: 'old', entries: [entry('aaa'), entry('bbb')] });
    await first;
    expect(history.entries?.map((e) => e.subject)).toEqual(['commit bbb']);
  });
});
