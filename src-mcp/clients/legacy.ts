import { promises as fs } from 'node:fs';
import path from 'node:path';
import { yamlPackage } from '../engine/lazy-packages.js';
import { isJsonObject, type JsonObject } from './config-text.js';

/** An entry of the earlier Python tool: `uv --directory <checkout> run runbook_server.py`. */
export interface LegacyEntry {
  name: string;
  command: string;
  args: string[];
  /** The earlier tool's checkout (its `--directory`), where its `config.yaml` lives. */
  directory?: string;
  configFile?: string;
  runbooksDir?: string;
  logsDir?: string;
  indexDir?: string;
  /** Why the folders could not be read (no `--directory`, no config.yaml, bad YAML). */
  problem?: string;
}

const SCRIPT = 'runbook_server.py';

export function isLegacyEntry(entry: unknown): entry is { command: string; args: string[] } {
  if (!isJsonObject(entry) || typeof entry.command !== 'string' || !Array.isArray(entry.args))
    return false;
  const program = path.basename(entry.command.replaceAll('\\', '/')).toLowerCase();
  const runsScript = entry.args.some(
    (arg) => typeof arg === 'string' && path.basename(arg.replaceAll('\\', '/')) === SCRIPT,
  );
  return (program === 'uv' || program === 'uv.exe') && runsScript;
}

export async function findLegacyEntries(
  servers: JsonObject,
  homedir: string,
): Promise<LegacyEntry[]> {
  const found: LegacyEntry[] = [];
  for (const [name, entry] of Object.entries(servers)) {
    if (!isLegacyEntry(entry)) continue;
    const args = entry.args.filter((arg): arg is string => typeof arg === 'string');
    found.push(await describeLegacy(name, entry.command, args, homedir));
  }
  return found;
}

async function describeLegacy(
  name: string,
  command: string,
  args: string[],
  homedir: string,
): Promise<LegacyEntry> {
  const entry: LegacyEntry = { name, command, args };
  const directory = directoryArg(args);
  if (!directory)
    return {
      ...entry,
      problem: 'its arguments have no --directory, so its config.yaml is unknown',
    };
  const configFile = path.join(directory, 'config.yaml');
  let text: string;
  try {
    text = await fs.readFile(configFile, 'utf8');
  } catch {
    return { ...entry, directory, configFile, problem: `${configFile} could not be read` };
  }
  try {
    const parsed: unknown = yamlPackage().parse(text);
    const settings = isJsonObject(parsed) ? parsed : {};
    const folder = (key: string): string | undefined =>
      settingPath(settings[key], directory, homedir);
    return {
      ...entry,
      directory,
      configFile,
      runbooksDir: folder('runbooksDir'),
      logsDir: folder('runbookLogsDir'),
      indexDir: folder('runbooksIndexDir'),
    };
  } catch (error) {
    return {
      ...entry,
      directory,
      configFile,
      problem: `${configFile} is not valid YAML: ${String(error)}`,
    };
  }
}

function directoryArg(args: string[]): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === '--directory') return args[i + 1];
    if (arg.startsWith('--directory=')) return arg.slice('--directory='.length);
  }
  return undefined;
}

/** `uv --directory` ran the tool from its checkout, so relative paths meant that folder; users also wrote `~/…`. */
function settingPath(value: unknown, directory: string, homedir: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const expanded =
    value === '~' || value.startsWith('~/') ? path.join(homedir, value.slice(1)) : value;
  return path.resolve(directory, expanded);
}
