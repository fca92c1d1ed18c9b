/**
 * The Node half of the test host: starts the real MCP server (the built dist/mcp.js) over stdio
 * and relays JSON-RPC lines between it and the page, in order, both ways.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';

export interface ServerBridge {
  stderr(): string;
  stop(): Promise<void>;
}

export interface ServerFolders {
  dir: string;
  logs: string;
  /** The app's data and cache folders: never the user's. */
  data: string;
}

export async function bridgePageToServer(
  page: Page,
  entry: string,
  folders: ServerFolders,
): Promise<ServerBridge> {
  const child = spawn(
    process.execPath,
    [entry, '--dir', folders.dir, '--logs', folders.logs, '--no-watch'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        RUNBOOK_COMPANION_DATA: folders.data,
        RUNBOOK_COMPANION_CACHE: folders.data,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await page.exposeFunction('mcpToServer', (line: string) => void child.stdin.write(`${line}\n`));
  // One delivery at a time: a response must not overtake the notification before it.
  let delivered = Promise.resolve();
  createInterface({ input: child.stdout }).on('line', (line) => {
    delivered = delivered
      .then(() => page.evaluate((l) => window.mcpFromServer(l), line))
      .catch(() => undefined);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stderr: () => stderr,
    stop: async () => {
      child.stdin.end();
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
