import { RunbookError } from '../engine/errors.js';
import { clientSpec, resolveConfigPath, type ResolvedConfigPath } from './clients.js';
import type { ClientId, ClientSpec, ServerEntry } from './client-spec.js';
import { readConfigFile, type ConfigFile } from './config-file.js';
import {
  isJsonObject,
  parseConfigText,
  type ConfigDocument,
  type JsonObject,
} from './config-text.js';
import { findLegacyEntries, type LegacyEntry } from './legacy.js';
import { currentPlatform, type PlatformContext } from './platform.js';

export const DEFAULT_SERVER_NAME = 'runbook';

/** Which client config and which entry in it. Every field has a default. */
export interface ConfigTarget {
  client?: ClientId;
  /** `--config PATH`: use this file instead of the client's usual one. */
  configPath?: string;
  /** The entry's key in the server map. */
  name?: string;
  platform?: PlatformContext;
}

export interface LoadedConfig {
  spec: ClientSpec;
  name: string;
  location: ResolvedConfigPath;
  file: ConfigFile;
  doc: ConfigDocument;
  /** The server map as found (empty when the key is missing). */
  servers: JsonObject;
  legacy: LegacyEntry[];
}

export async function loadConfig(target: ConfigTarget): Promise<LoadedConfig> {
  const spec = clientSpec(target.client ?? 'claude');
  const platform = target.platform ?? currentPlatform();
  const name = target.name ?? DEFAULT_SERVER_NAME;
  if (name.trim() === '') {
    throw new RunbookError('invalid-argument', 'The server name is empty.', {
      key: 'name',
      fix: 'Pass --name runbook.',
    });
  }
  const location = resolveConfigPath(spec, platform, target.configPath);
  const file = await readConfigFile(location.path);
  const doc = parseConfigText(file.text, file.path);
  const servers = serverMap(doc.config, spec.serversKey, file.path);
  const legacy = await findLegacyEntries(servers, platform.homedir);
  return { spec, name, location, file, doc, servers, legacy };
}

function serverMap(config: JsonObject, key: string, file: string): JsonObject {
  const servers = config[key];
  if (servers === undefined) return {};
  if (isJsonObject(servers)) return servers;
  throw new RunbookError('invalid-json', `"${key}" in the file is not an object of servers.`, {
    file,
    key,
    fix: `Make "${key}" an object ({ "name": { … } }) or remove it; nothing was changed.`,
  });
}

export interface EntryDifference {
  field: 'type' | 'command' | 'args' | 'env';
  current: unknown;
  expected: unknown;
}

/** What install would change in an existing entry; other keys a user added are not compared. */
export function entryDifferences(current: unknown, expected: ServerEntry): EntryDifference[] {
  const entry = isJsonObject(current) ? current : {};
  const fields: EntryDifference['field'][] = ['type', 'command', 'args', 'env'];
  return fields
    .filter((field) => field !== 'type' || expected.type !== undefined)
    .map((field) => ({ field, current: entry[field], expected: expected[field] }))
    .filter(({ field, current: now, expected: want }) => !sameValue(field, now, want));
}

function sameValue(field: EntryDifference['field'], current: unknown, expected: unknown): boolean {
  // An empty env and no env start the server the same way.
  const normal = (value: unknown): unknown =>
    field === 'env' && isJsonObject(value) && Object.keys(value).length === 0 ? undefined : value;
  return canonicalJson(normal(current)) === canonicalJson(normal(expected));
}

/** JSON with object keys sorted: env order does not matter, args order does. */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    isJsonObject(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
