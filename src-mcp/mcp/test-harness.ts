/** Spawns the built server over stdio on a temp runbook folder and drives it with the SDK's Client. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { builtServerCopy, removeServerCopy } from './test-build.js';
import { WATCHING } from './runbook-server.js';
import { waitFor } from '../test-support/wait-for.js';
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  type CallToolResult,
  type GetPromptResult,
} from '@modelcontextprotocol/sdk/types.js';

export interface Fixture {
  base: string;
  dir: string;
  logs: string;
  data: string;
  cleanup(): Promise<void>;
}

export interface ServerHandle {
  client: Client;
  transport: StdioClientTransport;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Names of the list_changed notifications received, in order. */
  notifications: string[];
  close(): Promise<void>;
}

export const FIXTURE_FILES: Record<string, string> = {
  'env.yaml': [
    'deployments:',
    '  api: { namespace: api-prod, cluster: east }',
    '  web: { namespace: web-prod, cluster: west }',
    'clusters:',
    '  east: { namespaces: { payments: east-payments, search: east-search } }',
    '  west: { namespaces: { edge: west-edge } }',
    '',
  ].join('\n'),
  'docs/redis/README.md': [
    '---',
    'title: Redis memory pressure',
    'description: Find and free what fills Redis memory.',
    'tags: [redis, memory]',
    'variables:',
    '  instance: { description: Redis host to inspect, choices: [cache-1, cache-2] }',
    '  top: { description: How many keys to list, default: "10" }',
    '---',
    '# Redis memory',
    '',
    'Check `redis_memory_used_bytes{job="redis"}` in Prometheus, then:',
    '',
    '```sh',
    'redis-cli -h {var.instance} --bigkeys | head -n {var.top}',
    'echo "${HOME}" {{ .Values.x }}',
    '```',
    '',
  ].join('\n'),
  'deploy/rollback.md': [
    '# Roll back a deployment',
    '',
    'kubectl -n {env[deployments][{var.service}][namespace]} rollout undo deploy/{var.service}',
    'kubectl --context {env[clusters][{var.cluster}][namespaces][{var.ns}]} get pods',
    '',
  ].join('\n'),
  'notes.txt': 'Plain notes about certificate expiry. Nothing to fill in.\n',
  'a/b.md': '# A slash B\n',
  'a_b.md': '# A underscore B\n',
};

export async function makeFixture(files: Record<string, string> = FIXTURE_FILES): Promise<Fixture> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'rb-mcp-'));
  const dir = path.join(base, 'runbooks');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  const logs = path.join(base, 'logs');
  const data = path.join(base, 'data');
  await mkdir(data);
  // Retried: a server the client just stopped may still be writing its index cache in `data`.
  const cleanup = () => rm(base, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  return { base, dir, logs, data, cleanup };
}

/** `entry` is dist/mcp.js, or `[dist/cli.js, 'mcp']` for the `runbook mcp` command. */
export async function startServer(
  entry: string | string[],
  fixture: Fixture,
  args: string[] = [],
): Promise<ServerHandle> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...[entry].flat(), '--dir', fixture.dir, '--logs', fixture.logs, ...args],
    // The app's data folder decides settings and the approval socket: keep them in the fixture.
    env: { PATH: process.env.PATH ?? '', RUNBOOK_COMPANION_DATA: fixture.data },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'runbook-tests', version: '0.0.0' });
  const notifications: string[] = [];
  client.setNotificationHandler(
    PromptListChangedNotificationSchema,
    () => void notifications.push('prompts'),
  );
  client.setNotificationHandler(
    ResourceListChangedNotificationSchema,
    () => void notifications.push('resources'),
  );
  await client.connect(transport);
  return { client, transport, stderr: () => stderr, notifications, close: () => client.close() };
}

/** Resolves once the server says its folder watcher is set up: a change on disk reaches it from then on. */
export function watcherReady(srv: ServerHandle): Promise<true> {
  return waitFor(() => srv.stderr().includes(WATCHING), { what: 'the server to watch its folder' });
}

export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

export function textOf(result: { content?: unknown }): string {
  const content = (result.content ?? []) as { type: string; text?: string }[];
  return content.map((c) => c.text ?? '').join('\n');
}

export function promptText(result: GetPromptResult): string {
  return result.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('\n');
}

export interface RunningServer {
  entry: string;
  fx: Fixture;
  srv: ServerHandle;
  stop(): Promise<void>;
}

/**
 * A private copy of the built server on a fresh fixture; `prepare` shapes the folder before the
 * server starts. `stop()` closes the client and removes every temp file.
 */
export async function startRunningServer(
  prepare?: (fx: Fixture) => Promise<void>,
): Promise<RunningServer> {
  const entry = await builtServerCopy();
  const fx = await makeFixture();
  await prepare?.(fx);
  const srv = await startServer(entry, fx);
  const stop = async (): Promise<void> => {
    await srv.close();
    await removeServerCopy(entry);
    await fx.cleanup();
  };
  return { entry, fx, srv, stop };
}
