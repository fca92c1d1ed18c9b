import { createTwoFilesPatch } from 'diff';
import { RunbookError } from '../engine/errors.js';
import type { ClientId } from './client-spec.js';
import { readConfigFile, writeConfigAtomically } from './config-file.js';
import {
  entryDifferences,
  loadConfig,
  type ConfigTarget,
  type LoadedConfig,
} from './config-model.js';
import { defaultLayout, serializeConfig, type JsonObject } from './config-text.js';
import {
  checkLaunch,
  legacyConflict,
  legacyWarnings,
  loadWithEntryHint,
} from './install-checks.js';
import type { ServerLaunch } from './launch.js';
import { isLegacyEntry, type LegacyEntry } from './legacy.js';

export interface ConfigChangePlan {
  client: ClientId;
  label: string;
  configPath: string;
  name: string;
  action: 'create' | 'add' | 'update' | 'remove' | 'none';
  before: string;
  after: string;
  /** Unified diff of before → after (empty when nothing changes). */
  diff: string;
  /** The file's layout is not what re-serialising gives: lines other than ours may change whitespace. */
  reformats: boolean;
  /** Earlier-tool entries this change removes. */
  replacesLegacy: LegacyEntry[];
  /** Earlier-tool entries found (whether or not replaced): their folders can be taken over. */
  legacy: LegacyEntry[];
  warnings: string[];
  /** The client's restart advice, for after the write. */
  restartHint: string;
}

export interface InstallOptions extends ConfigTarget {
  launch: ServerLaunch;
  /** Replace the earlier Python tool's entries (a backup is kept). */
  replaceLegacy?: boolean;
}

export interface WriteOptions {
  /** The `before` text the user reviewed: refuse (conflict) if the file changed since. */
  expectedBefore?: string;
  now?: Date;
}

export interface ConfigChangeResult extends ConfigChangePlan {
  written: boolean;
  backupPath?: string;
}

export async function planInstall(options: InstallOptions): Promise<ConfigChangePlan> {
  const entryCheck = checkLaunch(options.launch);
  const loaded = await loadWithEntryHint(options);
  const { spec, name, servers, legacy } = loaded;
  const entry = spec.entryFor(options.launch);
  const atName = legacy.find((found) => found.name === name);
  if (atName && !options.replaceLegacy) throw legacyConflict(loaded, atName);
  const replaces = options.replaceLegacy ? legacy : [];
  const current = servers[name];
  const upToDate =
    current !== undefined && !atName && entryDifferences(current, entry).length === 0;
  const next = withoutEntries(
    servers,
    replaces.map((found) => found.name).filter((n) => n !== name),
  );
  next[name] = upToDate ? current : entry;
  const action = !loaded.file.exists ? 'create' : current === undefined ? 'add' : 'update';
  const warnings = [...entryCheck, ...legacyWarnings(legacy, replaces)];
  return makePlan(
    loaded,
    next,
    upToDate && replaces.length === 0 ? 'none' : action,
    replaces,
    warnings,
  );
}

export async function planUninstall(target: ConfigTarget): Promise<ConfigChangePlan> {
  const loaded = await loadConfig(target);
  const current = loaded.servers[loaded.name];
  if (current === undefined || isLegacyEntry(current)) {
    const warnings =
      current === undefined
        ? []
        : [`"${loaded.name}" is the earlier Python tool's entry; left as it is.`];
    return makePlan(loaded, loaded.servers, 'none', [], warnings);
  }
  return makePlan(loaded, withoutEntries(loaded.servers, [loaded.name]), 'remove', [], []);
}

export async function install(options: InstallOptions & WriteOptions): Promise<ConfigChangeResult> {
  return applyPlan(await planInstall(options), options);
}

/** Removes only our own entry; every other byte stays as it was (for a normally formatted file). */
export async function uninstall(target: ConfigTarget & WriteOptions): Promise<ConfigChangeResult> {
  return applyPlan(await planUninstall(target), target);
}

async function applyPlan(
  plan: ConfigChangePlan,
  options: WriteOptions,
): Promise<ConfigChangeResult> {
  if (options.expectedBefore !== undefined && options.expectedBefore !== plan.before) {
    throw new RunbookError('conflict', 'The config file changed since the preview.', {
      file: plan.configPath,
      fix: 'Look at the new preview and confirm again.',
    });
  }
  if (plan.action === 'none') return { ...plan, written: false };
  // Re-read at write time so the backup and the mode are of the file as it is now.
  const file = await readConfigFile(plan.configPath);
  if (file.text !== plan.before) {
    throw new RunbookError('conflict', 'The config file changed while it was being updated.', {
      file: plan.configPath,
      fix: 'Run the command again.',
    });
  }
  const { backupPath } = await writeConfigAtomically(file, plan.after, options.now);
  return { ...plan, written: true, backupPath };
}

function makePlan(
  loaded: LoadedConfig,
  servers: JsonObject,
  action: ConfigChangePlan['action'],
  replacesLegacy: LegacyEntry[],
  warnings: string[],
): ConfigChangePlan {
  const { spec, file, doc } = loaded;
  const before = file.text;
  const layout = file.exists ? doc.layout : defaultLayout;
  const after =
    action === 'none'
      ? before
      : serializeConfig({ ...doc.config, [spec.serversKey]: servers }, layout);
  const diff =
    before === after
      ? ''
      : createTwoFilesPatch(file.path, file.path, before, after, 'before', 'after');
  return {
    client: spec.id,
    label: spec.label,
    configPath: file.path,
    name: loaded.name,
    action,
    before,
    after,
    diff,
    reformats: file.exists && action !== 'none' && doc.reformats,
    replacesLegacy,
    legacy: loaded.legacy,
    warnings,
    restartHint: spec.restartHint,
  };
}

function withoutEntries(servers: JsonObject, names: string[]): JsonObject {
  return Object.fromEntries(Object.entries(servers).filter(([key]) => !names.includes(key)));
}
