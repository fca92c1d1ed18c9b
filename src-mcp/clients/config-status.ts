import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SerializedRunbookError } from '../engine/errors.js';
import type { ClientId, ServerEntry } from './client-spec.js';
import { clientSpec, resolveConfigPath } from './clients.js';
import {
  DEFAULT_SERVER_NAME,
  entryDifferences,
  loadConfig,
  type ConfigTarget,
  type EntryDifference,
} from './config-model.js';
import type { ServerLaunch } from './launch.js';
import { isJsonObject } from './config-text.js';
import { isLegacyEntry, type LegacyEntry } from './legacy.js';
import { isOurEntry } from './ownership.js';
import { currentPlatform } from './platform.js';
import { isUnreadableConfig } from './unreadable-config.js';

/**
 * - `legacy`: the entry under our name is the earlier Python tool's.
 * - `foreign`: the entry under our name starts some other program: never ours to change.
 * - `outdated`: our entry is there but starts the server differently than install would.
 * - `invalid`: the file cannot be read as a config; nothing will touch it.
 */
type InstallState = 'not-installed' | 'installed' | 'outdated' | 'legacy' | 'foreign' | 'invalid';

export interface ConfigStatus {
  client: ClientId;
  label: string;
  configPath: string;
  alsoFound: string[];
  name: string;
  state: InstallState;
  fileExists: boolean;
  /** The entry under `name`, as found. */
  current?: unknown;
  /** What install would write (when a launch was given). */
  expected?: ServerEntry;
  differences: EntryDifference[];
  /** Every entry of the earlier tool, under any name, with the folders its config.yaml names. */
  legacy: LegacyEntry[];
  /** Other servers in the file, by name. */
  otherServers: string[];
  /** Why the entry as written would fail to start (a node removed by nvm, a deleted build). */
  problems: string[];
  error?: SerializedRunbookError;
}

export interface StatusOptions extends ConfigTarget {
  /** Compare the entry with this; without it an existing entry counts as installed. */
  launch?: ServerLaunch;
}

export async function configStatus(options: StatusOptions): Promise<ConfigStatus> {
  try {
    return await statusOfValidFile(options);
  } catch (error) {
    if (!isUnreadableConfig(error)) throw error;
    const spec = clientSpec(options.client ?? 'claude');
    const location = resolveConfigPath(
      spec,
      options.platform ?? currentPlatform(),
      options.configPath,
    );
    return {
      client: spec.id,
      label: spec.label,
      configPath: location.path,
      alsoFound: location.alsoFound,
      name: options.name ?? DEFAULT_SERVER_NAME,
      state: 'invalid',
      fileExists: true,
      differences: [],
      legacy: [],
      otherServers: [],
      problems: [],
      error: error.toJSON(),
    };
  }
}

async function statusOfValidFile(options: StatusOptions): Promise<ConfigStatus> {
  const spec = clientSpec(options.client ?? 'claude');
  const expected = options.launch ? spec.entryFor(options.launch) : undefined;
  const loaded = await loadConfig(options, expected);
  const { name, servers } = loaded;
  const current = servers[name];
  const differences = current !== undefined && expected ? entryDifferences(current, expected) : [];
  return {
    client: spec.id,
    label: spec.label,
    configPath: loaded.location.path,
    alsoFound: loaded.location.alsoFound,
    name,
    state: stateOf(current, expected, differences),
    fileExists: loaded.file.exists,
    current,
    expected,
    differences,
    legacy: loaded.legacy,
    otherServers: Object.keys(servers).filter((key) => key !== name),
    problems: current === undefined ? [] : launchProblems(current),
  };
}

function stateOf(
  current: unknown,
  expected: ServerEntry | undefined,
  differences: EntryDifference[],
): InstallState {
  if (current === undefined) return 'not-installed';
  if (isLegacyEntry(current)) return 'legacy';
  if (!isOurEntry(current, expected)) return 'foreign';
  return differences.length > 0 ? 'outdated' : 'installed';
}

/** Claude Desktop reports a failed start only in its logs; say it here instead. */
function launchProblems(entry: unknown): string[] {
  if (!isJsonObject(entry) || typeof entry.command !== 'string')
    return ['the entry has no "command"'];
  if (!path.isAbsolute(entry.command)) {
    return [`"${entry.command}" is not an absolute path; clients do not see your shell's PATH`];
  }
  const script = Array.isArray(entry.args) ? entry.args[0] : undefined;
  const files = [
    entry.command,
    typeof script === 'string' && path.isAbsolute(script) ? script : undefined,
  ];
  return files
    .filter((file): file is string => file !== undefined && !existsSync(file))
    .map((file) => `${file} does not exist`);
}
