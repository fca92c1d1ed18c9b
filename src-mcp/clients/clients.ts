import { existsSync } from 'node:fs';
import path from 'node:path';
import { RunbookError } from '../engine/errors.js';
import { claudeDesktop } from './claude-desktop.js';
import type { ClientId, ClientSpec } from './client-spec.js';
import { cursor } from './cursor.js';
import type { PlatformContext } from './platform.js';
import { vscode } from './vscode.js';

export const clientSpecs: Readonly<Record<ClientId, ClientSpec>> = {
  claude: claudeDesktop,
  cursor,
  vscode,
};

export function isClientId(value: string): value is ClientId {
  return Object.hasOwn(clientSpecs, value);
}

export function clientSpec(id: string): ClientSpec {
  if (isClientId(id)) return clientSpecs[id];
  throw new RunbookError('invalid-argument', `Unknown client "${id}".`, {
    key: 'client',
    fix: `Use one of: ${Object.keys(clientSpecs).join(', ')}.`,
  });
}

export interface ResolvedConfigPath {
  path: string;
  /** Other candidate files that exist too (e.g. both Windows locations): the user may mean those. */
  alsoFound: string[];
}

/** `--config` wins; else the first candidate that exists; else where the client would create it. */
export function resolveConfigPath(
  spec: ClientSpec,
  ctx: PlatformContext,
  override?: string,
): ResolvedConfigPath {
  if (override) return { path: path.resolve(override), alsoFound: [] };
  const candidates = spec.configCandidates(ctx);
  const existing = candidates.filter((file) => existsSync(file));
  const chosen = existing[0] ?? candidates[0];
  if (chosen === undefined) throw new Error(`${spec.label} has no config location`);
  return { path: chosen, alsoFound: existing.slice(1) };
}
