/**
 * The editor's view of env paths: which keys exist at a path (completions) and whether a path
 * written in a runbook can resolve (lint). A `{var.x}` part stands for any key at its level,
 * because its value is only known at run time.
 */
import { envKeysAt, isMapping, lookupEnv } from '../../src-mcp/engine/env-lookup.js';
import type { EnvKeyPiece, EnvMapping, EnvPathPart } from '../../src-mcp/engine/types.js';

export type PathCheck = { ok: true } | { ok: false; partIndex: number; message: string };

/** Concrete paths the parts can stand for, as far as they resolve; [] when none does. */
function expandPaths(env: EnvMapping, parts: readonly EnvPathPart[]): string[][] {
  let paths: string[][] = [[]];
  for (const part of parts) {
    if ('key' in part) {
      paths = paths
        .filter((p) => lookupEnv(env, [...p, part.key]).found)
        .map((p) => [...p, part.key]);
    } else {
      const fits = keyMatcher(part);
      paths = paths.flatMap((p) =>
        envKeysAt(env, p)
          .filter(fits)
          .map((key) => [...p, key]),
      );
    }
    if (paths.length === 0) break;
  }
  return paths;
}

/** Keys offered after `{env[a][b][`: the union over what variable parts may stand for. */
export function keysAfter(env: EnvMapping, parts: readonly EnvPathPart[]): string[] {
  const keys = new Set<string>();
  for (const path of expandPaths(env, parts)) for (const key of envKeysAt(env, path)) keys.add(key);
  return [...keys];
}

export function checkEnvPath(env: EnvMapping, parts: readonly EnvPathPart[]): PathCheck {
  let paths: string[][] = [[]];
  for (let index = 0; index < parts.length; index++) {
    const next = expandPaths(env, parts.slice(0, index + 1));
    if (next.length === 0)
      return { ok: false, partIndex: index, message: missingMessage(env, parts, index, paths) };
    paths = next;
  }
  const scalar = paths.some((p) => {
    const found = lookupEnv(env, p);
    return found.found && !isMapping(found.value) && !Array.isArray(found.value);
  });
  if (scalar) return { ok: true };
  return {
    ok: false,
    partIndex: parts.length - 1,
    message: `${written(parts)} is a group of keys, not a value; add one more [key].`,
  };
}

/** Which keys a variable part (or a key built from text and variables) may stand for. */
function keyMatcher(
  part: { variable: string } | { parts: EnvKeyPiece[] },
): (key: string) => boolean {
  if ('variable' in part) return () => true;
  const pattern = part.parts
    .map((piece) =>
      typeof piece === 'string' ? piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.+?',
    )
    .join('');
  const regex = new RegExp(`^${pattern}$`, 's');
  return (key) => regex.test(key);
}

function missingMessage(
  env: EnvMapping,
  parts: readonly EnvPathPart[],
  index: number,
  before: string[][],
): string {
  const available = [...new Set(before.flatMap((p) => envKeysAt(env, p)))];
  const part = parts[index];
  const where = index === 0 ? 'at the top of env.yaml' : `under ${written(parts.slice(0, index))}`;
  const has =
    available.length > 0
      ? ` It has: ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', …' : ''}.`
      : '';
  if (!part) return `Nothing ${where}.`;
  if ('key' in part) return `No "${part.key}" ${where}.${has}`;
  return `No key ${where} fits [${partText(part)}].${has}`;
}

function written(parts: readonly EnvPathPart[]): string {
  return `env${parts.map((p) => `[${partText(p)}]`).join('')}`;
}

function partText(part: EnvPathPart): string {
  if ('key' in part) return part.key;
  if ('variable' in part) return `{var.${part.variable}}`;
  return part.parts
    .map((piece) => (typeof piece === 'string' ? piece : `{var.${piece.variable}}`))
    .join('');
}
