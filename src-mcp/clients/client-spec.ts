import type { ServerLaunch } from './launch.js';
import type { PlatformContext } from './platform.js';

export type ClientId = 'claude' | 'cursor' | 'vscode';

/** One server entry as the client's config file holds it. */
export interface ServerEntry {
  type?: 'stdio';
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** What differs between the client formats; everything else (safe writes, status) is shared. */
export interface ClientSpec {
  id: ClientId;
  label: string;
  /** The top-level key holding the server map. */
  serversKey: 'mcpServers' | 'servers';
  /** The client reads comments and trailing commas in its file, so they are kept, not refused. */
  jsonc: boolean;
  /** Files this client may read, the one to create first when none exists. */
  configCandidates(ctx: PlatformContext): string[];
  entryFor(launch: ServerLaunch): ServerEntry;
  /** What the user does after a change so the client picks it up. */
  restartHint: string;
}

/** `command`/`args`/`env` in the order clients document them; `env` only when there is one. */
export function plainEntry(launch: ServerLaunch): ServerEntry {
  const entry: ServerEntry = { command: launch.command, args: [...launch.args] };
  if (launch.env && Object.keys(launch.env).length > 0) entry.env = { ...launch.env };
  return entry;
}
