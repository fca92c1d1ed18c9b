/** The checks and refusals of install, each with the message a user can act on. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RunbookError } from '../engine/errors.js';
import type { ServerEntry } from './client-spec.js';
import { clientSpec } from './clients.js';
import {
  DEFAULT_SERVER_NAME,
  loadConfig,
  type ConfigTarget,
  type LoadedConfig,
} from './config-model.js';
import type { ServerLaunch } from './launch.js';
import type { LegacyEntry } from './legacy.js';
import { entryCommand } from './ownership.js';
import { withManualEntry } from './unreadable-config.js';

/** The name offered when `runbook` is taken by another program. */
export const SUGGESTED_OTHER_NAME = 'runbook-companion';

/** Clients start servers without a shell: relative paths and bare names fail for many users. */
export function checkLaunch(launch: ServerLaunch): string[] {
  if (!path.isAbsolute(launch.command)) {
    throw new RunbookError(
      'invalid-argument',
      `The server command "${launch.command}" is not an absolute path.`,
      {
        key: 'command',
        fix: 'Give the full path of the executable (clients do not search your shell PATH).',
      },
    );
  }
  const missing = [launch.command, launch.args[0]].filter(
    (file): file is string => file !== undefined && path.isAbsolute(file) && !existsSync(file),
  );
  return missing.map(
    (file) => `${file} does not exist yet; the client will fail to start the server until it does.`,
  );
}

export async function loadWithEntryHint(
  options: ConfigTarget,
  entry: ServerEntry,
): Promise<LoadedConfig> {
  try {
    return await loadConfig(options, entry);
  } catch (error) {
    const spec = clientSpec(options.client ?? 'claude');
    const snippet = manualSnippet(spec.serversKey, options.name ?? DEFAULT_SERVER_NAME, entry);
    throw withManualEntry(error, snippet);
  }
}

function manualSnippet(key: string, name: string, entry: ServerEntry): string {
  return JSON.stringify({ [key]: { [name]: entry } }, null, 2);
}

export function legacyConflict(loaded: LoadedConfig, found: LegacyEntry): RunbookError {
  return new RunbookError(
    'conflict',
    `"${found.name}" in ${loaded.spec.label}'s config is the earlier Python runbook server (${[found.command, ...found.args].join(' ')})${legacyFolders(found)}.`,
    {
      file: loaded.file.path,
      key: `${loaded.spec.serversKey}.${found.name}`,
      fix: 'Run again with --replace-legacy to replace it (a backup of the file is kept), or with --name <other> to keep both.',
      details: [found],
    },
  );
}

/** Our name is taken by another program: never overwrite it without being told to. */
export function foreignConflict(loaded: LoadedConfig, current: unknown): RunbookError {
  const { name, spec } = loaded;
  return new RunbookError(
    'conflict',
    `"${name}" in ${spec.label}'s config belongs to something else: it runs ${entryCommand(current)}.`,
    {
      file: loaded.file.path,
      key: `${spec.serversKey}.${name}`,
      fix: `Install under another name with --name ${SUGGESTED_OTHER_NAME}, or replace it with --force (a backup of the file is kept); nothing was changed.`,
    },
  );
}

export function legacyWarnings(legacy: LegacyEntry[], replaced: LegacyEntry[]): string[] {
  return legacy
    .filter((found) => !replaced.includes(found))
    .map(
      (found) =>
        `"${found.name}" still runs the earlier Python runbook server; --replace-legacy removes it.`,
    );
}

function legacyFolders(found: LegacyEntry): string {
  if (found.problem) return `; ${found.problem}`;
  const parts = [
    found.runbooksDir && `runbooks in ${found.runbooksDir}`,
    found.logsDir && `logs in ${found.logsDir}`,
  ];
  const known = parts.filter((part): part is string => Boolean(part));
  return known.length > 0 ? `; ${known.join(', ')}` : '';
}
