import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/engine.js';
import { RunbookError } from '../engine/errors.js';
import { appDataDir, bundledRunbooksDir, currentPlatform, indexCacheDir } from '../engine/paths.js';
import { readSettings, type AppSettings } from '../engine/settings.js';
import { stringOption, type CliIo, type OptionValues } from './command.js';

/** The app's settings as this invocation sees them (`RUNBOOK_COMPANION_DATA` in io.env counts). */
function settingsFor(io: CliIo): AppSettings {
  return readSettings(appDataDir({ ...currentPlatform(), env: io.env }));
}

/** `--dir`, then `RUNBOOK_DIR`, then the app's saved folder, then the bundled examples. */
function chooseRunbookDir(values: OptionValues, io: CliIo, settings: AppSettings): string {
  const flag = stringOption(values, 'dir');
  if (flag) return checkFolder(path.resolve(io.cwd, flag), '--dir');
  const fromEnv = io.env.RUNBOOK_DIR;
  if (fromEnv) return checkFolder(path.resolve(io.cwd, fromEnv), 'RUNBOOK_DIR');
  if (settings.runbookDir) return checkFolder(settings.runbookDir, 'the app setting runbookDir');
  return bundledRunbooksDir();
}

export async function resolveRunbookDir(values: OptionValues, io: CliIo): Promise<string> {
  return chooseRunbookDir(values, io, settingsFor(io));
}

export function engineFromOptions(values: OptionValues, io: CliIo, onSkip = true): Engine {
  const settings = settingsFor(io);
  const logs = stringOption(values, 'logs');
  return Engine.open({
    dir: chooseRunbookDir(values, io, settings),
    logsDir: logs ? path.resolve(io.cwd, logs) : settings.logsDir,
    profile: stringOption(values, 'profile') ?? settings.profile,
    followOutsideLinks: settings.followOutsideLinks,
    cacheDir: indexCacheDir({ ...currentPlatform(), env: io.env }),
    onSkip: onSkip
      ? (skip) =>
          io.stderr(
            `runbook: skipped ${skip.path} (${skip.reason}${skip.detail ? `: ${skip.detail}` : ''})\n`,
          )
      : undefined,
  });
}

/** The opt-in to serve links to outside the folder; a broken settings file leaves it off. */
export function followOutsideLinksSetting(io: CliIo): boolean {
  try {
    return settingsFor(io).followOutsideLinks;
  } catch {
    return false;
  }
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
