import path from 'node:path';
import type { Stream } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  StdioClientTransport,
  DEFAULT_INHERITED_ENV_VARS,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ServerLaunch } from './launch.js';

export type ConnectionReport =
  | {
      ok: true;
      serverName: string;
      serverVersion: string;
      tools: string[];
      prompts: string[];
      stderr: string;
    }
  | { ok: false; error: string; stderr: string };

export interface TestConnectionOptions {
  timeoutMs?: number;
  /** What the desktop's few variables (HOME, USER, …) are taken from; default this process's. */
  env?: NodeJS.ProcessEnv;
}

const STDERR_LIMIT = 16_000;
/** What a GUI app started by launchd or a desktop session sees: no nvm, Homebrew or asdf. */
const DESKTOP_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';

/**
 * Starts the server exactly as a client would from its config entry and lists what it offers.
 * The environment is the minimal one desktop clients give, so a launch that only works from a
 * shell (bare `node`, a PATH from a profile) fails here too.
 */
export async function testConnection(
  launch: ServerLaunch,
  options: TestConnectionOptions = {},
): Promise<ConnectionReport> {
  const transport = new StdioClientTransport({
    command: launch.command,
    args: launch.args,
    env: { ...desktopEnvironment(options.env ?? process.env), ...launch.env },
    cwd: path.parse(process.cwd()).root,
    stderr: 'pipe',
  });
  const stderr = captureStderr(transport.stderr);
  const client = new Client({ name: 'runbook-companion-setup', version: '1.0.0' });
  const timeoutMs = options.timeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    const report = await Promise.race([handshake(client, transport, stderr), timeout]);
    return report;
  } catch (error) {
    return {
      ok: false,
      error: failureMessage(error),
      stderr: stderr(),
    };
  } finally {
    clearTimeout(timer);
    await client.close().catch(() => undefined);
  }
}

async function handshake(
  client: Client,
  transport: StdioClientTransport,
  stderr: () => string,
): Promise<ConnectionReport> {
  await client.connect(transport);
  const server = client.getServerVersion();
  const capabilities = client.getServerCapabilities();
  const tools = capabilities?.tools
    ? (await client.listTools()).tools.map((tool) => tool.name)
    : [];
  const prompts = capabilities?.prompts
    ? (await client.listPrompts()).prompts.map((prompt) => prompt.name)
    : [];
  return {
    ok: true,
    serverName: server?.name ?? '',
    serverVersion: server?.version ?? '',
    tools,
    prompts,
    stderr: stderr(),
  };
}

function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The SDK's wording when the process exits mid-handshake says nothing a user can act on.
  return /Connection closed/i.test(message)
    ? `the server exited before answering (${message})`
    : message;
}

/** The variables a desktop client passes on (the SDK's list), taken from `from`. */
function desktopEnvironment(from: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of DEFAULT_INHERITED_ENV_VARS) {
    const value = from[key];
    // A shell function exported as a variable is never passed on (as the SDK does).
    if (value !== undefined && !value.startsWith('()')) env[key] = value;
  }
  return process.platform === 'win32' ? env : { ...env, PATH: DESKTOP_PATH };
}

/** Keeps the last part of the server's stderr: the end is where a crash explains itself. */
function captureStderr(stream: Stream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer | string) => {
    text = (text + chunk.toString()).slice(-STDERR_LIMIT);
  });
  return () => text;
}
