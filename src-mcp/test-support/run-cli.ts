import { runCli } from '../cli/runbook-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI run in process, its output captured. `env` is all the environment it sees: give it a
 * temp `RUNBOOK_COMPANION_DATA`, so no test reads or writes the user's settings or caches.
 */
export async function runCliCaptured(
  args: string[],
  options: { env: Record<string, string>; cwd: string },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: options.env,
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}
