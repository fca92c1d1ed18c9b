/**
 * The settings calls. A new runbook folder is checked here, for every face, before it is saved:
 * a folder that is not there would leave the app with nothing to list.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RunbookError } from '../engine/errors.js';
import type { ApiHandlers } from './contract.js';
import type { SettingsStore } from './conf-settings.js';

type SettingsHandlers = Pick<ApiHandlers, 'settingsRead' | 'settingsSave'>;

/** What reopens the folder: another folder, or the same one with links to outside followed or not. */
export interface FolderChange {
  dir?: string;
  followOutsideLinks?: boolean;
}

/** `openFolder`: the host reopens its session so (the tray app follows its settings file instead). */
export function settingsHandlers(
  settings: SettingsStore,
  openFolder?: (change: FolderChange) => Promise<void>,
): SettingsHandlers {
  return {
    settingsRead: async () => settings.read(),
    settingsSave: async (patch) => {
      const dir =
        patch.runbookDir === undefined ? undefined : await checkRunbookDir(patch.runbookDir);
      const saved = await settings.update(
        dir === undefined ? patch : { ...patch, runbookDir: dir },
      );
      const change = folderChange(dir, patch.followOutsideLinks);
      if (change) await openFolder?.(change);
      return saved;
    },
  };
}

/** Only the keys that changed: an absent key must not reset the session's own option. */
function folderChange(
  dir: string | undefined,
  followOutsideLinks: boolean | undefined,
): FolderChange | undefined {
  if (dir === undefined && followOutsideLinks === undefined) return undefined;
  return {
    ...(dir === undefined ? {} : { dir }),
    ...(followOutsideLinks === undefined ? {} : { followOutsideLinks }),
  };
}

/** An absolute path to a folder that exists; returned normalized. */
async function checkRunbookDir(dir: string): Promise<string> {
  if (!path.isAbsolute(dir)) {
    throw new RunbookError('invalid-argument', `The runbook folder "${dir}" is not a full path.`, {
      key: 'runbookDir',
      fix: 'Give the full path of the folder, starting at the root (e.g. /home/me/runbooks).',
    });
  }
  const resolved = path.resolve(dir);
  const stat = await fs.stat(resolved).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new RunbookError(
      'not-found',
      `The runbook folder ${resolved} ${stat ? 'is a file, not a folder' : 'does not exist'}.`,
      {
        file: resolved,
        key: 'runbookDir',
        fix: 'Create the folder first, or give the path of the folder that holds your runbooks.',
      },
    );
  }
  return resolved;
}
