/**
 * The folder's env: `env.yaml` (or `env.yml`), with an optional profile file `env.<profile>.yaml`
 * deep-merged over it. The values fill `{env[a][b]}` placeholders.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RunbookError, toRunbookError } from './errors.js';
import { deepMerge, isMapping } from './env-lookup.js';
import { MAX_ENV_EXPANDED, MAX_ENV_FILE_BYTES } from './limits.js';
import { parseBoundedYaml } from './safe-yaml.js';
import type { EnvMapping } from './types.js';

/** A profile name becomes part of a file name: nothing that could leave the folder. */
const PROFILE_NAME = /^[A-Za-z0-9_-]+$/;
const PROFILE_FILE = /^env\.([A-Za-z0-9_-]+)\.ya?ml$/;

export interface LoadedEnv {
  env: EnvMapping;
  /** Files that were read, in merge order. */
  files: string[];
}

/** A plain mapping, or the same under a lone top-level `env:` key (the earlier tool's layout). */
export const ENV_YAML_BOUNDS = { maxChars: MAX_ENV_FILE_BYTES, maxExpanded: MAX_ENV_EXPANDED };

export function parseEnvYaml(text: string, file: string): EnvMapping {
  const parsed = parseBoundedYaml(text, ENV_YAML_BOUNDS);
  if (!parsed.ok) {
    const { reason, line, column, fix } = parsed.failure;
    throw new RunbookError('invalid-yaml', `Invalid YAML: ${reason}`, { file, line, column, fix });
  }
  const data = parsed.data;
  if (data === null || data === undefined) return {};
  if (!isMapping(data)) {
    throw new RunbookError(
      'invalid-yaml',
      `The env file must be a mapping of keys; found ${kindOf(data)}.`,
      {
        file,
        fix: 'Write it as `key: value` lines, e.g. `db:` followed by indented `host: db.internal`.',
      },
    );
  }
  const keys = Object.keys(data);
  if (keys.length === 1 && keys[0] === 'env' && (isMapping(data.env) || data.env === null)) {
    return data.env ?? {};
  }
  return data;
}

/** env.yaml (missing: empty), then the profile's file merged over it. */
export async function loadEnv(root: string, profile?: string): Promise<LoadedEnv> {
  const files: string[] = [];
  let env: EnvMapping = {};
  const base = await findEnvFile(root, 'env');
  if (base) {
    env = await readEnvFile(base);
    files.push(base);
  }
  if (profile === undefined || profile === '') return { env, files };
  if (!PROFILE_NAME.test(profile)) {
    throw new RunbookError('invalid-name', `"${profile}" is not a valid profile name.`, {
      key: profile,
      fix: 'Use letters, digits, "-" and "_" only, as in env.<profile>.yaml.',
    });
  }
  const profileFile = await findEnvFile(root, `env.${profile}`);
  if (!profileFile) throw await unknownProfile(root, profile);
  files.push(profileFile);
  return { env: deepMerge(env, await readEnvFile(profileFile)), files };
}

/** Profile names from env.<name>.yaml / env.<name>.yml, sorted; [] when the folder is missing. */
export async function listProfiles(root: string): Promise<string[]> {
  const names = new Set<string>();
  for (const entry of await readFolder(root)) {
    const match = PROFILE_FILE.exec(entry);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names].sort();
}

async function findEnvFile(root: string, stem: string): Promise<string | undefined> {
  const entries = new Set(await readFolder(root));
  const present = [`${stem}.yaml`, `${stem}.yml`].filter((name) => entries.has(name));
  if (present.length > 1) {
    throw new RunbookError('ambiguous', `Both ${stem}.yaml and ${stem}.yml exist.`, {
      file: path.join(root, `${stem}.yaml`),
      fix: `Keep one of them: merge ${stem}.yml into ${stem}.yaml and delete it.`,
    });
  }
  return present[0] === undefined ? undefined : path.join(root, present[0]);
}

async function readEnvFile(file: string): Promise<EnvMapping> {
  try {
    // Checked before reading: a huge file must not be read into memory only to be refused.
    const { size } = await stat(file);
    if (size > MAX_ENV_FILE_BYTES) {
      throw new RunbookError(
        'too-large',
        `The env file is ${size} bytes, over ${MAX_ENV_FILE_BYTES}.`,
        {
          file,
          fix: 'Keep env.yaml to settings; large data belongs elsewhere.',
        },
      );
    }
    return parseEnvYaml(await readFile(file, 'utf8'), file);
  } catch (err) {
    throw toRunbookError(err, file);
  }
}

async function readFolder(root: string): Promise<string[]> {
  try {
    return await readdir(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw toRunbookError(err, root);
  }
}

async function unknownProfile(root: string, profile: string): Promise<RunbookError> {
  const available = await listProfiles(root);
  const list = available.length > 0 ? `Available: ${available.join(', ')}.` : 'There are none.';
  return new RunbookError('not-found', `Unknown profile "${profile}". ${list}`, {
    file: path.join(root, `env.${profile}.yaml`),
    key: profile,
    details: available,
    fix: `Pick one of the available profiles, or create env.${profile}.yaml in the runbook folder.`,
  });
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `a single value (${typeof value})`;
}
