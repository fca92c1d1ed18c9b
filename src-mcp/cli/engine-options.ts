import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/engine.js';
import { RunbookError } from '../engine/errors.js';
import { bundledRunbooksDir } from '../engine/paths.js';
import { readSettings } from '../engine/settings.js';
import { stringOption, type CliIo, type OptionValues } from './command.js';

export interface FolderChoice {
  dir: string;
  /** Where the folder came from, for `--help`-style explanations and the status line. */
  source: '--dir' | 'RUNBOOK_DIR' | 'settings' | 'bundled';
}

/** `--dir`, then `RUNBOOK_DIR`, then the app's saved folder, then the bundled examples. */
export function chooseRunbookDir(values: OptionValues, io: CliIo): FolderChoice {
  const flag = stringOption(values, 'dir');
  if (flag) return { dir: checkFolder(path.resolve(io.cwd, flag), '--dir'), source: '--dir' };
  const fromEnv = io.env.RUNBOOK_DIR;
  if (fromEnv)
    return {
      dir: checkFolder(path.resolve(io.cwd, fromEnv), 'RUNBOOK_DIR'),
      source: 'RUNBOOK_DIR',
    };
  const saved = readSettings().runbookDir;
  if (saved) return { dir: checkFolder(saved, 'the app setting runbookDir'), source: 'settings' };
  return { dir: bundledRunbooksDir(), source: 'bundled' };
}

export async function resolveRunbookDir(values: OptionValues, io: CliIo): Promise<string> {
  return chooseRunbookDir(values, io).dir;
}

export function engineFromOptions(values: OptionValues, io: CliIo, onSkip = true): Engine {
  const { dir } = chooseRunbookDir(values, io);
  const logs = stringOption(values, 'logs');
  const settings = readSettings();
  return Engine.open({
    dir,
    logsDir: logs ? path.resolve(io.cwd, logs) : settings.logsDir,
    profile: stringOption(values, 'profile') ?? settings.profile,
    onSkip: onSkip
      ? (skip) =>
          io.stderr(
            `runbook: skipped ${skip.path} (${skip.reason}${skip.detail ? `: ${skip.detail}` : ''})\n`,
          )
      : undefined,
  });
}

function checkFolder(dir: string, from: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RunbookError(
      'not-found',
      `The runbook folder ${dir} (from ${from}) does not exist or is not a folder.`,
      {
        file: dir,
        key: from,
        fix: 'Create it, or point --dir at the folder that holds your runbooks.',
      },
    );
  }
  return dir;
}
