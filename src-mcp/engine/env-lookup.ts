/** Reading and merging the env mapping: the parts that never touch the disk. */
import type { EnvMapping } from './types.js';

/** Why an env stands empty in a render: its file could not be loaded (see `unloadedEnv`). */
const loadFailures = new WeakMap<EnvMapping, string>();

/**
 * An empty env that remembers why it is empty, so a placeholder that looks into it reports the
 * broken file instead of a key that seems to be missing.
 */
export function unloadedEnv(reason: string): EnvMapping {
  const env: EnvMapping = {};
  loadFailures.set(env, reason);
  return env;
}

/** `env.yaml could not be loaded: <file>:<line>:<col> <why>`, for an env from `unloadedEnv`. */
export function envLoadFailure(env: EnvMapping): string | undefined {
  return loadFailures.get(env);
}

export type EnvLookup = { found: true; value: unknown } | { found: false; missingAt: number };

/** A YAML mapping as `yaml` gives it: a plain object (arrays, dates and class instances are not). */
export function isMapping(value: unknown): value is EnvMapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Follows `path` through mappings (own keys only, so `constructor` is not a key) and lists
 * (a canonical decimal index: `0`, `12`, not `01` or `1.0`). `missingAt` is the first part not found.
 */
export function lookupEnv(env: EnvMapping, path: string[]): EnvLookup {
  let current: unknown = env;
  for (const [i, key] of path.entries()) {
    const next = child(current, key);
    if (!next.found) return { found: false, missingAt: i };
    current = next.value;
  }
  return { found: true, value: current };
}

/** Keys of the mapping at `path` (list indexes for a list), for completions; [] for anything else. */
export function envKeysAt(env: EnvMapping, path: string[]): string[] {
  const at = lookupEnv(env, path);
  if (!at.found) return [];
  if (isMapping(at.value)) return Object.keys(at.value);
  if (Array.isArray(at.value)) return at.value.map((_item, i) => String(i));
  return [];
}

/** `over` wins; mappings merge key by key, all the way down; lists and scalars replace. Inputs stay untouched. */
export function deepMerge(base: EnvMapping, over: EnvMapping): EnvMapping {
  const merged = new Map<string, unknown>(Object.entries(base));
  for (const [key, value] of Object.entries(over)) {
    const old = merged.get(key);
    merged.set(key, isMapping(old) && isMapping(value) ? deepMerge(old, value) : value);
  }
  // fromEntries defines own properties, so a `__proto__` key stays a key instead of a prototype.
  return Object.fromEntries(merged);
}

function child(
  container: unknown,
  key: string,
): { found: true; value: unknown } | { found: false } {
  if (isMapping(container)) {
    return Object.hasOwn(container, key)
      ? { found: true, value: container[key] }
      : { found: false };
  }
  if (Array.isArray(container) && /^(?:0|[1-9][0-9]*)$/.test(key)) {
    const index = Number(key);
    return index < container.length ? { found: true, value: container[index] } : { found: false };
  }
  return { found: false };
}
