/**
 * A runbook's history, when its folder lives in a git repository: the commits that touched its
 * file (following renames) and its text at one of them. Git is the version store; this module
 * only asks it, read-only, with validated revisions and paths that stay inside the folder.
 */
import path from 'node:path';
import { RunbookError } from './errors.js';
import { gitMessage, runGit, type GitOptions } from './history-git.js';

export interface HistoryEntry {
  hash: string;
  /** Author date, ISO 8601 in UTC. */
  date: string;
  author: string;
  subject: string;
  /** The file's path in the repository after this commit (it differs before a rename). */
  path: string;
}

export interface HistoryVersion {
  hash: string;
  path: string;
  text: string;
}

/** Where a runbook file sits: its folder, its repository, its path in the repository. */
interface Located {
  root: string;
  /** The repository's top folder: where git runs. */
  top: string;
  repoPath: string;
}

const MAX_COMMITS = 500;
const HASH = /^[0-9a-f]{4,64}$/i;
/** A ref name (`main`, `v1.2`, `origin/main`) with `~N`/`^N` steps; nothing like `a..b`, `x:path`, `-x`. */
const REF = /^[A-Za-z0-9_][A-Za-z0-9_./-]*(?:[~^][0-9]{0,4})*$/;
const MAX_REVISION_LENGTH = 200;

/** The commits that touched the runbook, newest first; empty when it was never committed. */
export async function listHistory(
  root: string,
  relPath: string,
  options: GitOptions = {},
): Promise<HistoryEntry[]> {
  const located = await locate(root, relPath, options);
  return logOf(located, options);
}

async function logOf(located: Located, options: GitOptions): Promise<HistoryEntry[]> {
  const format = '--format=%x1e%H%x1f%aI%x1f%an%x1f%s';
  const limit = `--max-count=${MAX_COMMITS}`;
  const args = ['log', '-z', '--follow', '--name-status', limit, format, '--', located.repoPath];
  const outcome = await runGit(located.top, args, options);
  if (!outcome.ok) {
    // A repository without a first commit has no history yet; that is not an error.
    if (/does not have any commits yet|bad default revision/.test(outcome.stderr)) return [];
    throw gitFailed(outcome.stderr, located.root);
  }
  return parseLog(outcome.stdout, located.repoPath);
}

/**
 * `\x1e` starts each commit; its fields are split by `\x1f`; then, after a NUL, its name-status
 * fields (`M path`, `R100 old new`), NUL-separated. A merge lists none: its path is the one the
 * newer commits started from.
 */
function parseLog(stdout: string, currentPath: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let pathAfter = currentPath;
  for (const record of stdout.split('\x1e')) {
    const end = record.indexOf('\0');
    const [hash = '', date = '', author = '', subject = ''] = (
      end === -1 ? record : record.slice(0, end)
    ).split('\x1f');
    if (!HASH.test(hash)) continue;
    const status =
      end === -1
        ? []
        : record
            .slice(end + 1)
            .replace(/^\n/, '')
            .split('\0');
    const [kind = '', first = '', second = ''] = status.filter((s) => s !== '');
    const renamed = /^[RC]/.test(kind);
    const filePath = renamed ? second : first || pathAfter;
    entries.push({ hash, date: isoDate(date), author, subject, path: filePath });
    pathAfter = renamed ? first : filePath;
  }
  return entries;
}

function isoDate(text: string): string {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}

/** The runbook file's text at a revision (a commit hash or a ref name such as `main~2`). */
export async function showAtRevision(
  root: string,
  relPath: string,
  revision: string,
  options: GitOptions = {},
): Promise<HistoryVersion> {
  checkRevision(revision);
  const located = await locate(root, relPath, options);
  const hash = await resolveCommit(located.top, revision, options);
  const filePath = await pathAt(located, hash, revision, options);
  const shown = await runGit(located.top, ['cat-file', 'blob', `${hash}:${filePath}`], options);
  if (!shown.ok) throw gitFailed(shown.stderr, located.root);
  return { hash, path: filePath, text: shown.stdout };
}

export function checkRevision(revision: string): void {
  const valid =
    revision.length <= MAX_REVISION_LENGTH &&
    (HASH.test(revision) || (REF.test(revision) && !/\.\.|\/\/|\.$|\/$|\.lock$/.test(revision)));
  if (valid) return;
  throw new RunbookError(
    'invalid-argument',
    `${JSON.stringify(revision.slice(0, 80))} is not a revision.`,
    {
      key: 'revision',
      fix: 'Give a commit hash from the runbook’s history (such as 3f2a9c1) or a branch or tag name (main, v1.2, HEAD~2).',
    },
  );
}

async function resolveCommit(cwd: string, revision: string, options: GitOptions): Promise<string> {
  const outcome = await runGit(
    cwd,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
    options,
  );
  const hash = outcome.stdout.trim();
  if (outcome.ok && HASH.test(hash)) return hash;
  throw new RunbookError('not-found', `No commit "${revision}" in the repository.`, {
    file: cwd,
    key: 'revision',
    fix: 'Pick a hash from `runbook history NAME`, or a branch or tag that exists.',
  });
}

/** Its current path if the file was there at that commit; else its path in the newest earlier entry. */
async function pathAt(
  located: Located,
  hash: string,
  revision: string,
  options: GitOptions,
): Promise<string> {
  const here = await runGit(
    located.top,
    ['cat-file', '-e', `${hash}:${located.repoPath}`],
    options,
  );
  if (here.ok) return located.repoPath;
  for (const entry of await logOf(located, options)) {
    if (entry.hash === hash) return entry.path;
    const args = ['merge-base', '--is-ancestor', entry.hash, hash];
    if ((await runGit(located.top, args, options)).ok) return entry.path;
  }
  throw new RunbookError('not-found', `The runbook did not exist at ${revision}.`, {
    file: located.repoPath,
    key: 'revision',
    fix: 'Pick a version listed by `runbook history NAME`.',
  });
}

/** The file's path in the repository; the folder must be in one, and the file inside the folder. */
async function locate(root: string, relPath: string, options: GitOptions): Promise<Located> {
  const absolute = path.resolve(root, relPath);
  const inside = path.relative(root, absolute);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new RunbookError('path-escape', `${relPath} is not inside the runbook folder.`, {
      file: relPath,
      fix: 'Give the name of a runbook in the folder.',
    });
  }
  const outcome = await runGit(root, ['rev-parse', '--show-toplevel', '--show-prefix'], options);
  if (!outcome.ok) throw notARepository(root, outcome.stderr);
  const [top = '', prefix = ''] = outcome.stdout.split('\n');
  // Git runs at the top: pathspecs and `rev:path` then both read repository paths.
  const repoPath = path.posix.join(prefix, inside.split(path.sep).join('/'));
  return { root, top, repoPath };
}

function notARepository(root: string, stderr: string): RunbookError {
  if (/not a git repository/i.test(stderr)) {
    return new RunbookError(
      'unavailable',
      `The runbook folder is not in a git repository, so its runbooks have no history.`,
      {
        file: root,
        fix: 'Keep the folder in git to get history: run `git init` there, then commit the runbooks.',
      },
    );
  }
  return gitFailed(stderr, root);
}

function gitFailed(stderr: string, root: string): RunbookError {
  return new RunbookError('unavailable', `git could not read the history: ${gitMessage(stderr)}.`, {
    file: root,
    fix: 'Fix what git reports (for a repository owned by another user: git config --global --add safe.directory <folder>), then try again.',
  });
}
