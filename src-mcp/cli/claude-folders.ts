/**
 * Which runbook and logs folders `runbook claude` writes into an entry: --dir/--logs, the earlier
 * tool's folders on install, or the folders an installed entry already serves.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConfigStatus } from '../clients/config-status.js';
import {
  foldersOfLaunch,
  launchFromEntry,
  type LaunchFolders,
  type ServerLaunch,
} from '../clients/launch.js';
import { stringOption, type CliIo, type OptionValues } from './command.js';
import { resolveRunbookDir } from './engine-options.js';

export interface ChosenFolders extends LaunchFolders {
  notes: string[];
}

export async function launchFolders(values: OptionValues, io: CliIo): Promise<ChosenFolders> {
  return { dir: await resolveRunbookDir(values, io), logsDir: logsOption(values, io), notes: [] };
}

function logsOption(values: OptionValues, io: CliIo): string | undefined {
  const logs = stringOption(values, 'logs');
  return logs ? path.resolve(io.cwd, logs) : undefined;
}

/**
 * Beside (or instead of) the earlier tool, serve its folders, unless --dir/--logs say otherwise:
 * the bundled examples would put a second server with the same tools on a folder nobody uses.
 */
export async function foldersForInstall(
  values: OptionValues,
  io: CliIo,
  before: ConfigStatus,
): Promise<ChosenFolders> {
  const legacy = before.legacy.find((found) => found.runbooksDir ?? found.logsDir);
  const legacyDir = stringOption(values, 'dir') ? undefined : legacy?.runbooksDir;
  const legacyLogs = stringOption(values, 'logs') ? undefined : legacy?.logsDir;
  const notes: string[] = [];
  let dir: string;
  if (legacyDir && existsSync(legacyDir)) {
    dir = legacyDir;
    notes.push(
      `Taking over the earlier tool's runbook folder ${legacyDir} (--dir chooses another).`,
    );
  } else {
    if (legacyDir)
      notes.push(
        `The earlier tool's runbook folder ${legacyDir} does not exist; not taking it over.`,
      );
    dir = await resolveRunbookDir(values, io);
  }
  if (legacyLogs) notes.push(`Taking over its logs folder ${legacyLogs} (--logs chooses another).`);
  return { dir, logsDir: legacyLogs ?? logsOption(values, io), notes };
}

export function installedFolders(status: ConfigStatus): LaunchFolders | undefined {
  const launch = ownLaunch(status);
  return launch ? foldersOfLaunch(launch) : undefined;
}

/** The entry's launch when it is ours; another program's entry is neither tested nor compared. */
export function ownLaunch(status: ConfigStatus): ServerLaunch | undefined {
  const theirs = status.state === 'legacy' || status.state === 'foreign';
  return theirs ? undefined : launchFromEntry(status.current);
}
