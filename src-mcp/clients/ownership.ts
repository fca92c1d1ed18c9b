/** Which entries start this program: only those are ours to update or remove. */
import path from 'node:path';
import type { ServerEntry } from './client-spec.js';
import { isJsonObject } from './config-text.js';

/**
 * Ours: the same program install would write (`expected`), the bundled `dist/mcp.js` started with
 * `--dir` (a checkout's node or the app's Electron), or the `runbook mcp` command.
 */
export function isOurEntry(entry: unknown, expected?: ServerEntry): boolean {
  if (!isJsonObject(entry) || typeof entry.command !== 'string' || !Array.isArray(entry.args))
    return false;
  const args = entry.args.map((arg) => (typeof arg === 'string' ? arg : ''));
  const [first = '', second] = args;
  if (expected && entry.command === expected.command && first === expected.args[0]) return true;
  if (endsWithPath(first, 'dist/mcp.js') && args.includes('--dir')) return true;
  const program = baseName(entry.command).replace(/\.(cmd|exe|js)$/, '');
  if (program === 'runbook' && first === 'mcp') return true;
  return baseName(first).replace(/\.js$/, '') === 'runbook' && second === 'mcp';
}

/** The program an entry starts, for messages: `command arg0`. */
export function entryCommand(entry: unknown): string {
  if (!isJsonObject(entry) || typeof entry.command !== 'string') return '(no command)';
  const first: unknown = Array.isArray(entry.args) ? entry.args[0] : undefined;
  return typeof first === 'string' ? `${entry.command} ${first}` : entry.command;
}

function endsWithPath(file: string, tail: string): boolean {
  const normal = file.replaceAll('\\', '/');
  return normal === tail || normal.endsWith(`/${tail}`);
}

function baseName(file: string): string {
  return path.posix.basename(file.replaceAll('\\', '/')).toLowerCase();
}
