import { createTwoFilesPatch } from 'diff';
import { RunbookError } from '../engine/errors.js';
import type { ClientId } from './client-spec.js';
import { clientSpec } from './clients.js';
import { readConfigFile, writeConfigAtomically, type WriteHooks } from './config-file.js';
import {
  entryDifferences,
  loadConfig,
  type ConfigTarget,
  type LoadedConfig,
} from './config-model.js';
import { setServerEntry, removeServerEntries } from './config-edit.js';
import { parseConfigText, type ConfigDocument } from './config-text.js';
import {
  checkLaunch,
  foreignConflict,
  legacyConflict,
  legacyWarnings,
  loadWithEntryHint,
} from './install-checks.js';
import type { ServerLaunch } from './launch.js';
import { isLegacyEntry, type LegacyEntry } from './legacy.js';
import { entryCommand, isOurEntry } from './ownership.js';

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
  /** Replace an entry under our name that starts some other program. */
  force?: boolean;
}

export interface WriteOptions {
  /** The `before` text the user reviewed: refuse (conflict) if the file changed since. */
  expectedBefore?: string;
  now?: Date;
  hooks?: WriteHooks;
}

export interface ConfigChangeResult extends ConfigChangePlan {
  written: boolean;
  backupPath?: string;
}

export async function planInstall(options: InstallOptions): Promise<ConfigChangePlan> {
  const entryCheck = checkLaunch(options.launch);
  const spec = clientSpec(options.client ?? 'claude');
  const entry = spec.entryFor(options.launch);
  const loaded = await loadWithEntryHint(options, entry);
  const { name, servers, legacy } = loaded;
  const atName = legacy.find((found) => found.name === name);
  if (atName && !options.replaceLegacy) throw legacyConflict(loaded, atName);
  const current = servers[name];
  const foreign = current !== undefined && !atName && !isOurEntry(current, entry);
  if (foreign && !options.force) throw foreignConflict(loaded, current);
  const replaces = options.replaceLegacy ? legacy : [];
  const upToDate =
    current !== undefined && !atName && !foreign && entryDifferences(current, entry).length === 0;
  const others = replaces.map((found) => found.name).filter((n) => n !== name);
  const cleared =
    others.length === 0
      ? loaded.doc
      : parseConfigText(
          removeServerEntries(loaded.doc, spec.serversKey, others),
          loaded.file.path,
          {
            jsonc: spec.jsonc,
          },
        );
  const after = upToDate ? textOf(cleared) : setServerEntry(cleared, spec.serversKey, name, entry);
  const action = !loaded.file.exists ? 'create' : current === undefined ? 'add' : 'update';
  const warnings = [
    ...entryCheck,
    ...legacyWarnings(legacy, replaces),
    ...(foreign ? [`Replacing "${name}", which ran ${entryCommand(current)} (--force).`] : []),
  ];
  return makePlan(
    loaded,
    after,
    upToDate && replaces.length === 0 ? 'none' : action,
    replaces,
    warnings,
  );
}

export interface UninstallOptions extends ConfigTarget {
  /** What install would write here: an entry starting the same program is ours too. */
  launch?: ServerLaunch;
}

export async function planUninstall(target: UninstallOptions): Promise<ConfigChangePlan> {
  const spec = clientSpec(target.client ?? 'claude');
  const expected = target.launch ? spec.entryFor(target.launch) : undefined;
  const loaded = await loadConfig(target, expected);
  const current = loaded.servers[loaded.name];
  if (current === undefined) return makePlan(loaded, loaded.file.text, 'none', [], []);
  if (isLegacyEntry(current) || !isOurEntry(current, expected)) {
    const whose = isLegacyEntry(current)
      ? "is the earlier Python tool's entry"
      : `belongs to something else (${entryCommand(current)})`;
    const warning = `"${loaded.name}" ${whose}; left as it is.`;
    return makePlan(loaded, loaded.file.text, 'none', [], [warning]);
  }
  const after = removeServerEntries(loaded.doc, loaded.spec.serversKey, [loaded.name]);
  return makePlan(loaded, after, 'remove', [], []);
}

export async function install(options: InstallOptions & WriteOptions): Promise<ConfigChangeResult> {
  return applyPlan(await planInstall(options), options);
}

/** Removes only our own entry; every other byte stays as it was. */
export async function uninstall(
  target: UninstallOptions & WriteOptions,
): Promise<ConfigChangeResult> {
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
  const { backupPath } = await writeConfigAtomically(file, plan.after, options.now, options.hooks);
  return { ...plan, written: true, backupPath };
}

function makePlan(
  loaded: LoadedConfig,
  after: string,
  action: ConfigChangePlan['action'],
  replacesLegacy: LegacyEntry[],
  warnings: string[],
): ConfigChangePlan {
  const { spec, file } = loaded;
  const before = file.text;
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
    replacesLegacy,
    legacy: loaded.legacy,
    warnings,
    restartHint: spec.restartHint,
  };
}

function textOf(doc: ConfigDocument): string {
  return doc.bom ? `\uFEFF${doc.body}` : doc.body;
}
