import { getNodeValue, type Node } from 'jsonc-parser';
import { RunbookError } from '../engine/errors.js';
import { clientSpec, resolveConfigPath, type ResolvedConfigPath } from './clients.js';
import type { ClientId, ClientSpec, ServerEntry } from './client-spec.js';
import { readConfigFile, type ConfigFile } from './config-file.js';
import {
  isJsonObject,
  lineColumn,
  parseConfigText,
  type ConfigDocument,
  type JsonObject,
} from './config-text.js';
import { findLegacyEntries, isLegacyEntry, type LegacyEntry } from './legacy.js';
import { isOurEntry } from './ownership.js';
import { currentPlatform, type PlatformContext } from './platform.js';

export const DEFAULT_SERVER_NAME = 'runbook';

/** Which client config and which entry in it. Every field has a default. */
export interface ConfigTarget {
  client?: ClientId;
  /** `--config PATH`: use this file instead of the client's usual one. */
  configPath?: string;
  /**
   * The entry's key in the server map. Without it: `runbook`, unless that entry belongs to
   * something else (or is missing) and exactly one entry of ours sits under another name.
   */
  name?: string;
  platform?: PlatformContext;
}

export interface LoadedConfig {
  spec: ClientSpec;
  name: string;
  location: ResolvedConfigPath;
  file: ConfigFile;
  doc: ConfigDocument;
  /** The server map as found (empty when the key is missing); a repeated name keeps its last value. */
  servers: JsonObject;
  legacy: LegacyEntry[];
}

export async function loadConfig(
  target: ConfigTarget,
  expected?: ServerEntry,
): Promise<LoadedConfig> {
  const spec = clientSpec(target.client ?? 'claude');
  const platform = target.platform ?? currentPlatform();
  if (target.name?.trim() === '') {
    throw new RunbookError('invalid-argument', 'The server name is empty.', {
      key: 'name',
      fix: `Pass --name ${DEFAULT_SERVER_NAME}.`,
    });
  }
  const location = resolveConfigPath(spec, platform, target.configPath);
  const file = await readConfigFile(location.path);
  const doc = parseConfigText(file.text, file.path, { jsonc: spec.jsonc });
  const servers = serverMap(doc, spec.serversKey, file.path);
  const name = target.name ?? defaultName(servers, expected);
  refuseRepeatedName(doc, spec.serversKey, name, file.path);
  const legacy = await findLegacyEntries(servers, platform.homedir);
  return { spec, name, location, file, doc, servers, legacy };
}

function defaultName(servers: JsonObject, expected?: ServerEntry): string {
  const atDefault = servers[DEFAULT_SERVER_NAME];
  if (atDefault !== undefined && (isOurEntry(atDefault, expected) || isLegacyEntry(atDefault)))
    return DEFAULT_SERVER_NAME;
  const ours = Object.keys(servers).filter((key) => isOurEntry(servers[key], expected));
  return ours.length === 1 && ours[0] !== undefined ? ours[0] : DEFAULT_SERVER_NAME;
}

/** The server map's members; two maps in one file are refused, since editing one would be a guess. */
function serverMapNode(doc: ConfigDocument, key: string, file: string): Node | undefined {
  const maps = (doc.root?.children ?? []).filter((member) => member.children?.[0]?.value === key);
  const [map, second] = maps;
  if (second) {
    throw new RunbookError('invalid-json', `The file has "${key}" twice.`, {
      file,
      key,
      ...lineColumn(doc.body, second.offset),
      fix: `Merge the two "${key}" objects into one (clients read only the last); nothing was changed.`,
    });
  }
  const value = map?.children?.[1];
  if (!map || value?.type === 'object') return value;
  throw new RunbookError('invalid-json', `"${key}" in the file is not an object of servers.`, {
    file,
    key,
    ...lineColumn(doc.body, map.offset),
    fix: `Make "${key}" an object ({ "name": { … } }) or remove it; nothing was changed.`,
  });
}

function serverMap(doc: ConfigDocument, key: string, file: string): JsonObject {
  const node = serverMapNode(doc, key, file);
  const value: unknown = node ? getNodeValue(node) : {};
  return isJsonObject(value) ? value : {};
}

/** Which of two same-named entries is "ours" is a guess: refuse instead. */
function refuseRepeatedName(doc: ConfigDocument, key: string, name: string, file: string): void {
  const node = serverMapNode(doc, key, file);
  const same = (node?.children ?? []).filter((member) => member.children?.[0]?.value === name);
  const second = same[1];
  if (!second) return;
  throw new RunbookError('conflict', `"${name}" appears ${same.length} times in "${key}".`, {
    file,
    key: `${key}.${name}`,
    ...lineColumn(doc.body, second.offset),
    fix: `Keep one "${name}" entry (clients use the last) and run this again; nothing was changed.`,
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
