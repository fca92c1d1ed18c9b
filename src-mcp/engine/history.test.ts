/** History on a real temp git repository: real commits, a rename, hostile revisions. */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../test-support/temp-folder.js';
import { expectFolderUnchanged, snapshotFolder } from '../test-support/folder-snapshot.js';
import { rejectedRunbookError } from '../test-support/thrown.js';
import { Engine } from './engine.js';
import { git, makeGitRunbookRepo, type GitRunbookRepo } from '../test-support/git-runbook-repo.js';
import { runbookAtRevision, runbookHistory } from './history-runbook.js';

let fx: GitRunbookRepo;
let engine: Engine;
beforeAll(async () => {
  fx = await makeGitRunbookRepo();
  engine = Engine.open({ dir: fx.dir, logsDir: await makeFolder({}, 'runbook-logs-') });
});

describe('runbook history', () => {
  it('lists the commits that touched the runbook, newest first, across its rename', async () => {
    const history = await runbookHistory(engine, 'ops/b');
    expect(history.name).toBe('ops/b');
    expect(history.entries).toEqual([
      {
        hash: fx.hashes['Run it daily'],
        date: '2026-01-05T10:00:00.000Z',
        author: 'Dee',
        subject: 'Run it daily',
        path: 'rb/ops/b.md',
      },
      expect.objectContaining({ author: 'Cy', subject: 'Rename a to b', path: 'rb/ops/b.md' }),
      expect.objectContaining({ author: 'Bob', path: 'rb/ops/a.md' }),
      expect.objectContaining({ subject: 'Add the backup runbook', path: 'rb/ops/a.md' }),
    ]);
  });

  it('shows the text at each version, by hash or by ref, even from before the rename', async () => {
    const [v1, v2, v3] = fx.versions;
    const at = async (rev: string) => (await runbookAtRevision(engine, 'ops/b', rev)).text;
    expect(await at(fx.hashes['Add the backup runbook'] ?? '')).toBe(v1);
    expect(await at((fx.hashes['Copy the dump off the host'] ?? '').slice(0, 7))).toBe(v2);
    expect(await at('HEAD~3')).toBe(v1);
    expect(await at('main')).toBe(v3);
    // A commit that did not touch the file: the version it had then.
    expect(await at(fx.hashes['Edit another runbook'] ?? '')).toBe(v1);
  });

  it('a runbook never committed has no history, and no version to show', async () => {
    expect((await runbookHistory(engine, 'new')).entries).toEqual([]);
    const error = await rejectedRunbookError(runbookAtRevision(engine, 'new', 'HEAD'));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/did not exist at HEAD/);
  });

  it('a repository without a commit yet has no history', async () => {
    const dir = await makeFolder({ 'first.md': '# First\n' });
    git(dir, ['init', '-q']);
    const fresh = Engine.open({ dir, logsDir: await makeFolder() });
    expect((await runbookHistory(fresh, 'first')).entries).toEqual([]);
  });

  it('a name with glob and colon characters is matched literally, never as a pattern', async () => {
    const dir = await makeFolder({
      'x*.md': '# Star\n',
      'xy.md': '# Why\n',
      'a:b.md': '# Colon\n',
    });
    git(dir, ['init', '-q']);
    git(dir, ['add', 'xy.md']);
    git(dir, ['-c', 'user.name=Ann', '-c', 'user.email=a@example.com', 'commit', '-qm', 'Add xy']);
    git(dir, ['add', '-A']);
    git(dir, [
      '-c',
      'user.name=Ann',
      '-c',
      'user.email=a@example.com',
      'commit',
      '-qm',
      'Add the rest',
    ]);
    const odd = Engine.open({ dir, logsDir: await makeFolder() });
    expect((await runbookHistory(odd, 'x*')).entries.map((e) => e.subject)).toEqual([
      'Add the rest',
    ]);
    expect((await runbookAtRevision(odd, 'a:b', 'HEAD')).text).toBe('# Colon\n');
  });

  it('a folder outside any repository says why there is no history, and the fix', async () => {
    const dir = await makeFolder({ 'plain.md': '# Plain\n' });
    const plain = Engine.open({ dir, logsDir: await makeFolder() });
    const error = await rejectedRunbookError(runbookHistory(plain, 'plain'));
    expect(error.code).toBe('unavailable');
    expect(error.file).toBe(dir);
    expect(error.describe()).toMatch(/not in a git repository[\s\S]*git init/);
  });

  it('without git it says so and how to get it', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-git-binary');
    const error = await rejectedRunbookError(runbookHistory(engine, 'ops/b', { git: missing }));
    expect(error.code).toBe('unavailable');
    expect(error.describe()).toMatch(/needs git[\s\S]*Install git/);
  });

  it('an unknown revision is not-found, naming it', async () => {
    const error = await rejectedRunbookError(runbookAtRevision(engine, 'ops/b', 'no-such-branch'));
    expect(error).toMatchObject({ code: 'not-found', key: 'revision' });
  });
});

describe('hostile revisions', () => {
  const marker = path.join(os.tmpdir(), `runbook-history-marker-${process.pid}`);
  const cases: [string, string][] = [
    [`--output=${marker}`, 'an option git would obey, writing a file'],
    ['HEAD;rm -rf .', 'a shell command after a ref'],
    ['$(touch x)', 'a command substitution'],
    ['HEAD:rb/other.md', 'another file of the repository, by rev:path'],
    [`HEAD:../../${path.basename(os.tmpdir())}`, 'a path outside the repository'],
    ['main..HEAD', 'a range'],
    ['HEAD@{1}', 'a reflog expression'],
    ['-p', 'a short option'],
    ['', 'nothing'],
    ['a'.repeat(300), 'a huge argument'],
    ['main\n--all', 'a newline smuggling a second argument'],
  ];
  it.each(cases)('%j is refused (%s)', async (revision) => {
    const before = await snapshotFolder(fx.repo);
    const error = await rejectedRunbookError(runbookAtRevision(engine, 'ops/b', revision));
    expect(error).toMatchObject({ code: 'invalid-argument', key: 'revision' });
    expect(existsSync(marker)).toBe(false);
    await expectFolderUnchanged(fx.repo, before);
  });
});
