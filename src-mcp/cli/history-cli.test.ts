/** `runbook history`, `runbook show --at` and `runbook due`: output and exit codes. */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeGitRunbookRepo, type GitRunbookRepo } from '../test-support/git-runbook-repo.js';
import { LogStore } from '../engine/logs.js';
import { expectFolderUnchanged, snapshotFolder } from '../test-support/folder-snapshot.js';
import { makeFolder, repoRoot } from '../test-support/temp-folder.js';
import { runCliCaptured, type CliRun } from '../test-support/run-cli.js';

let fx: GitRunbookRepo;
let data: string;
beforeAll(async () => {
  fx = await makeGitRunbookRepo();
  data = await makeFolder({}, 'runbook-data-');
});
afterEach(() => vi.unstubAllEnvs());

function cli(args: string[]): Promise<CliRun> {
  return runCliCaptured(args, {
    env: { RUNBOOK_COMPANION_DATA: data, RUNBOOK_COMPANION_CACHE: data },
    cwd: repoRoot,
  });
}

describe('runbook history', () => {
  it('--json prints one {hash, date, author, subject} per commit, newest first', async () => {
    const out = await cli(['history', 'ops/b', '--json', '--dir', fx.dir]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const entries = JSON.parse(out.stdout) as Record<string, string>[];
    expect(entries.map((e) => e.subject)).toEqual([
      'Run it daily',
      'Rename a to b',
      'Copy the dump off the host',
      'Add the backup runbook',
    ]);
    expect(entries[0]).toEqual({
      hash: fx.hashes['Run it daily'],
      date: '2026-01-05T10:00:00.000Z',
      author: 'Dee',
      subject: 'Run it daily',
    });
  });

  it('prints a line per commit as text', async () => {
    const out = await cli(['history', 'ops/b', '--dir', fx.dir]);
    expect(out.code).toBe(0);
    const first = (fx.hashes['Run it daily'] ?? '').slice(0, 10);
    expect(out.stdout.split('\n')[0]).toBe(`${first}  2026-01-05T10:00:00.000Z  Dee  Run it daily`);
    expect(out.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('a runbook never committed: no lines, a hint on stderr, exit 0', async () => {
    const out = await cli(['history', 'new', '--json', '--dir', fx.dir]);
    expect(out).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(out.stderr).toMatch(/new has no commits yet/);
  });

  it('a folder that is not a repository: exit 2, why and the fix', async () => {
    const dir = await makeFolder({ 'plain.md': '# Plain\n' });
    const out = await cli(['history', 'plain', '--dir', dir]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/not in a git repository[\s\S]*git init/);
  });

  it('without git on PATH: exit 2, saying to install it', async () => {
    vi.stubEnv('PATH', await makeFolder({}, 'empty-path-'));
    const out = await cli(['history', 'ops/b', '--dir', fx.dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/needs git[\s\S]*Install git/);
  });
});

describe('runbook show --at', () => {
  it('prints exactly the file as it was at a hash, before the rename', async () => {
    const hash = fx.hashes['Add the backup runbook'] ?? '';
    const out = await cli(['show', 'ops/b', '--at', hash, '--dir', fx.dir]);
    expect(out).toEqual({ code: 0, stdout: fx.versions[0], stderr: '' });
  });

  it('takes a ref with steps', async () => {
    const out = await cli(['show', 'ops/b', '--at', 'HEAD~2', '--dir', fx.dir]);
    expect(out).toEqual({ code: 0, stdout: fx.versions[1], stderr: '' });
  });

  it('needs --at', async () => {
    const out = await cli(['show', 'ops/b', '--dir', fx.dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--at/);
  });

  const marker = path.join(os.tmpdir(), `runbook-cli-marker-${process.pid}`);
  const hostile: [string, string][] = [
    [`--output=${marker}`, 'an option for git, given as the value of --at'],
    ['HEAD;rm -rf .', 'a shell command'],
    ['HEAD:outside.md', 'a file outside the runbook folder, by rev:path'],
    ['main..HEAD', 'a range'],
  ];
  it.each(hostile)('refuses --at %j with exit 2 (%s), changing nothing', async (revision) => {
    const before = await snapshotFolder(fx.repo);
    const out = await cli(['show', 'ops/b', `--at=${revision}`, '--dir', fx.dir]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/is not a revision/);
    expect(existsSync(marker)).toBe(false);
    await expectFolderUnchanged(fx.repo, before);
  });
});

describe('runbook due', () => {
  it('lists the runbooks that never ran or whose last log is older than their period', async () => {
    const dir = await makeFolder({
      'backup.md': '---\nschedule: daily\n---\n# Backup\n',
      'report.md': '---\nschedule: weekly\n---\n# Weekly report\n',
      'audit.md': '---\nschedule: monthly\n---\n# Audit\n',
      'plain.md': '# Not scheduled\n',
    });
    const logs = await makeFolder({}, 'runbook-logs-');
    const store = new LogStore(logs);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
    await store.append('backup', 'ok', twoDaysAgo);
    await store.append('report', 'ok', new Date());

    const json = await cli(['due', '--json', '--dir', dir, '--logs', logs]);
    expect(json.code).toBe(0);
    const due = JSON.parse(json.stdout) as { name: string; lastRun?: string }[];
    expect(due.map((d) => d.name)).toEqual(['audit', 'backup']);
    expect(due[1]?.lastRun).toBe(twoDaysAgo.toISOString());

    const text = await cli(['due', '--dir', dir, '--logs', logs]);
    expect(text.stdout).toMatch(/^audit \(monthly\) — never run$/m);
    expect(text.stdout).toMatch(/^backup \(daily\) — last run .*, due since /m);
  });

  it('says so on stderr when nothing is due', async () => {
    const dir = await makeFolder({ 'plain.md': '# Not scheduled\n' });
    const out = await cli(['due', '--dir', dir, '--logs', await makeFolder()]);
    expect(out).toMatchObject({ code: 0, stdout: '' });
    expect(out.stderr).toMatch(/nothing is due/);
  });
});
