import { execFile } from 'node:child_process';
import path from 'node:path';

export const QUIT_CLAUDE_FIRST = 'Quit Claude Desktop first; it rewrites this file on exit.';

/** How to list process names on each OS; undefined where we have no way. */
function processListCommand(platform: NodeJS.Platform): [string, string[]] | undefined {
  if (platform === 'win32') return ['tasklist', ['/FO', 'CSV', '/NH']];
  if (platform === 'darwin' || platform === 'linux') return ['ps', ['-A', '-o', 'comm=']];
  return undefined;
}

/**
 * True when a process listing (from `ps -A -o comm=` or `tasklist /FO CSV /NH`) shows Claude
 * Desktop. Case matters on macOS and Linux: `claude` in lower case is Claude Code, a CLI that
 * does not touch this file. On Windows both share `claude.exe`, so a warning may be spurious there.
 */
export function listingShowsClaudeDesktop(listing: string, platform: NodeJS.Platform): boolean {
  const names = listing.split(/\r?\n/).map((line) => processName(line.trim(), platform));
  if (platform === 'win32') return names.some((name) => name.toLowerCase() === 'claude.exe');
  // Community Linux builds run as `claude-desktop`; the macOS app's main binary is `Claude`.
  return names.some((name) => name === 'Claude' || name === 'claude-desktop');
}

function processName(line: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return /^"([^"]*)"/.exec(line)?.[1] ?? '';
  return path.posix.basename(line);
}

/** Whether Claude Desktop runs now; undefined when the OS gives no way to tell or listing failed. */
export function detectRunningClaudeDesktop(
  platform: NodeJS.Platform = process.platform,
): Promise<boolean | undefined> {
  const command = processListCommand(platform);
  if (!command) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(
      command[0],
      command[1],
      { timeout: 5000, windowsHide: true, maxBuffer: 8 << 20 },
      (error, stdout) => {
        resolve(error ? undefined : listingShowsClaudeDesktop(stdout, platform));
      },
    );
  });
}
