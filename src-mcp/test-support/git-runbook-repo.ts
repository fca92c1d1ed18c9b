/**
 * For tests: a temp git repository with real commits, its runbook folder one level down (`rb/`),
 * and a runbook renamed along the way (`ops/a` → `ops/b`).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeFolder, writeFiles } from './temp-folder.js';

export interface GitRunbookRepo {
  repo: string;
  /** The runbook folder, `<repo>/rb`. */
  dir: string;
  /** Commit hashes by subject. */
  hashes: Record<string, string>;
  /** The texts of `ops/a` → `ops/b`, oldest first. */
  versions: string[];
}

const HISTORY_VERSIONS = [
  '# Backup\n\n1. Dump the database.\n',
  '# Backup\n\n1. Dump the database.\n2. Copy it off the host.\n',
  '---\nschedule: daily\n---\n# Backup\n\n1. Dump the database.\n2. Copy it off the host.\n',
];

export function git(repo: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo };
  const dated = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  return execFileSync('git', args, { cwd: repo, env: { ...env, ...dated }, encoding: 'utf8' });
}

function commit(repo: string, author: string, subject: string, date: string): string {
  const who = ['-c', `user.name=${author}`, '-c', `user.email=${author.toLowerCase()}@example.com`];
  git(repo, [...who, 'commit', '-q', '-m', subject], date);
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

export async function makeGitRunbookRepo(): Promise<GitRunbookRepo> {
  const repo = await makeFolder({}, 'runbook-git-');
  const dir = path.join(repo, 'rb');
  const [v1 = '', v2 = '', v3 = ''] = HISTORY_VERSIONS;
  git(repo, ['init', '-q', '-b', 'main']);
  const hashes: Record<string, string> = {};
  const step = async (
    files: Record<string, string>,
    author: string,
    subject: string,
    day: number,
  ) => {
    await writeFiles(repo, files);
    git(repo, ['add', '-A']);
    hashes[subject] = commit(repo, author, subject, `2026-01-0${day}T10:00:00Z`);
  };
  await step(
    { 'rb/ops/a.md': v1, 'rb/other.md': '# Other\n', 'outside.md': 'x\n' },
    'Ann',
    'Add the backup runbook',
    1,
  );
  await step({ 'rb/other.md': '# Other, edited\n' }, 'Ann', 'Edit another runbook', 2);
  await step({ 'rb/ops/a.md': v2 }, 'Bob', 'Copy the dump off the host', 3);
  git(repo, ['mv', 'rb/ops/a.md', 'rb/ops/b.md']);
  hashes['Rename a to b'] = commit(repo, 'Cy', 'Rename a to b', '2026-01-04T10:00:00Z');
  await step({ 'rb/ops/b.md': v3 }, 'Dee', 'Run it daily', 5);
  // Never committed: a runbook that exists only on disk.
  await fs.writeFile(path.join(dir, 'new.md'), '# New\n');
  return { repo, dir, hashes, versions: [v1, v2, v3] };
}
