import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, RENDERER_DIR, repoRoot } from './paths.js';

export interface ServeProcess {
  url: string;
  origin: string;
  port: number;
  folder: string;
  claudeConfig: string;
  stop(): Promise<void>;
}

/** `runbook serve` as a user starts it (the CLI built from the sources), on a temp folder. */
export async function startServe(): Promise<ServeProcess> {
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-serve-'));
  const folder = path.join(temp, 'runbooks');
  await fs.cp(path.join(repoRoot, 'runbooks'), folder, { recursive: true });
  const claudeConfig = path.join(temp, 'claude', 'claude_desktop_config.json');
  const child = spawn(
    process.execPath,
    [
      CLI_BUNDLE,
      'serve',
      '--dir',
      folder,
      '--logs',
      path.join(temp, 'logs'),
      '--claude-config',
      claudeConfig,
    ],
    {
      env: {
        ...process.env,
        RUNBOOK_RENDERER_DIR: RENDERER_DIR,
        RUNBOOK_COMPANION_DATA: path.join(temp, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await firstUrl(child);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    folder,
    claudeConfig,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await fs.rm(temp, { recursive: true, force: true });
    },
  };
}

function firstUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`runbook serve printed no URL.\n${out}${err}`)),
      15_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`runbook serve exited (${code}).\n${out}${err}`)),
    );
  });
}
