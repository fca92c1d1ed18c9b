/**
 * Runs the git CLI for runbook history: an argument array (never a shell), a timeout, bounded
 * output, and an environment that makes it read-only and predictable (literal pathspecs, no
 * prompts, no optional locks, English messages, no GIT_DIR inherited from a calling hook).
 */
import { execFile, type ExecFileException } from 'node:child_process';
import { RunbookError } from './errors.js';

export interface GitOptions {
  /** The git program (default `git`, found on PATH). */
  git?: string;
  timeoutMs?: number;
  /** Most bytes of output read; more is a `too-large` error. */
  maxBytes?: number;
}

export interface GitOutcome {
  ok: boolean;
  stdout: string;
  stderr: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Settings a cloned repository's own config could use to run programs or change output. */
const SAFE_CONFIG = [
  ['core.quotePath', 'false'],
  ['core.fsmonitor', 'false'],
  // Verifying signatures would run gpg.program, which a repository's config may name.
  ['log.showSignature', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
const INHERITED_REPO_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
];

/** Runs `git -C cwd …args`; a non-zero exit is an outcome, not a throw (callers read stderr). */
export function runGit(cwd: string, args: string[], options: GitOptions = {}): Promise<GitOutcome> {
  const git = options.git ?? 'git';
  return new Promise((resolve, reject) => {
    execFile(
      git,
      [...SAFE_CONFIG, '-C', cwd, ...args],
      {
        env: gitEnvironment(),
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout, stderr });
        const failure = spawnFailure(error, git, cwd, options);
        if (failure) return reject(failure);
        resolve({ ok: false, stdout, stderr });
      },
    );
  });
}

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_LITERAL_PATHSPECS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
  };
  for (const name of INHERITED_REPO_VARIABLES) delete env[name];
  return env;
}

/** Git could not run, ran too long or said too much: a RunbookError. Else undefined (an exit code). */
function spawnFailure(
  error: ExecFileException,
  git: string,
  cwd: string,
  options: GitOptions,
): RunbookError | undefined {
  if (error.code === 'ENOENT' || error.code === 'EACCES') {
    return new RunbookError('unavailable', `History needs git, and "${git}" could not be run.`, {
      file: cwd,
      key: 'git',
      fix: 'Install git (https://git-scm.com/downloads) and make sure it is on PATH, then try again.',
      cause: error,
    });
  }
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    return new RunbookError('too-large', `git printed more than ${max} bytes.`, {
      file: cwd,
      fix: 'Ask for one version of a runbook file, not a whole tree.',
    });
  }
  if (error.killed || error.signal) {
    const seconds = (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000;
    return new RunbookError('timeout', `git did not answer within ${seconds} s.`, {
      file: cwd,
      fix: 'Try again; a very large repository or a slow network drive can take longer.',
    });
  }
  return undefined;
}

/** Git's first `fatal:`/`error:` line, for messages. */
export function gitMessage(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? 'git failed';
  return line.replace(/^(fatal|error):\s*/, '').slice(0, 500);
}
