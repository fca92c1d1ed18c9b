/**
 * The tray app's real main process (main.ts and every setup module) run under Node, with the
 * `electron` module replaced by a recording stand-in: the wiring between tray, IPC, windows,
 * watcher, shortcut and approval is exercised here, where no Electron binary can be had.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
let temp: string;
let result: Record<string, unknown>;
let exitCode: number | null;
let dataDir: string;

async function runSmoke(): Promise<void> {
  const bundle = path.join(temp, 'smoke.cjs');
  await build({
    entryPoints: [path.join(here, 'testing', 'smoke-run.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser: its UMD `main` does not bundle (see scripts/build.mjs).
    alias: {
      electron: path.join(here, 'testing', 'electron-stand-in.ts'),
      'jsonc-parser': 'jsonc-parser/lib/esm/main.js',
    },
    logLevel: 'error',
  });
  const child = spawn(process.execPath, [bundle], {
    env: {
      ...process.env,
      RUNBOOK_COMPANION_DATA: dataDir,
      SMOKE_RUNBOOK_DIR: path.join(temp, 'runbooks'),
      STAND_IN_APP_PATH: root,
      XDG_CONFIG_HOME: path.join(temp, 'xdg'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  exitCode = await new Promise((resolve) => child.on('exit', resolve));
  const line = stdout.trim().split('\n').at(-1) ?? '{}';
  result = JSON.parse(line) as Record<string, unknown>;
  if (result.error) throw new Error(`${String(result.error)}\n${stderr}`);
}

beforeAll(async () => {
  temp = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-smoke-'));
  dataDir = path.join(temp, 'data');
  const folder = path.join(temp, 'runbooks');
  await fs.mkdir(path.join(folder, 'ops'), { recursive: true });
  await fs.writeFile(path.join(folder, 'hello.md'), '# Hello\n\necho hello {job="x"}\n');
  await fs.writeFile(
    path.join(folder, 'ops', 'restart.md'),
    '# Restart pods\n\nkubectl rollout restart deploy/{var.app}\n',
  );
  await fs.mkdir(dataDir);
  await fs.writeFile(path.join(dataDir, 'config.json'), JSON.stringify({ runbookDir: folder }));
  await runSmoke();
}, 120_000);

afterAll(async () => {
  await fs.rm(temp, { recursive: true, force: true });
});

describe('the tray app’s main process (Electron stand-in)', () => {
  it('builds the tray menu from the folder', () => {
    expect(result.menu).toEqual(
      expect.arrayContaining([
        'Pinned',
        'Recent',
        'All Runbooks',
        'Quick Picker…',
        'Quit Runbook Companion',
      ]),
    );
    expect(result.allRunbooks).toEqual(['ops', 'Hello']);
    expect(result.tooltip).toBe('Runbook Companion — 2 runbooks');
    expect(result.trayIcon).toMatch(/^tray(Template)?\.png$/);
  });

  it('answers the renderer over the one IPC channel, and only our own pages', () => {
    expect(result.ipcList).toEqual(['hello', 'ops/restart']);
    expect(result.untrusted).toBe('invalid-argument');
  });

  it('copies a runbook without variables straight from the tray, byte for byte', () => {
    expect(result.copied).toBe('# Hello\n\necho hello {job="x"}\n');
    expect(result.notification).toEqual({ title: 'Copied to the clipboard', body: 'Hello' });
  });

  it('opens the fill window for a runbook with variables; its render copies and puts it away', () => {
    expect(result.fillUrl).toBe('#/fill/ops%2Frestart');
    expect(result.fillVisible).toBe(true);
    expect(result.fillRender).toBe(true);
    expect(result.copiedFromFill).toBe('# Restart pods\n\nkubectl rollout restart deploy/api\n');
    expect(result.recent).toEqual(['Restart pods…', 'Hello']);
  });

  it('opens the quick picker from the global shortcut', () => {
    expect(result.pickerVisible).toBe(true);
  });

  it('answers request_approval through the dialog', () => {
    expect(result.approval).toEqual({ approved: true });
    expect(result.dialog).toBe('Restart the API pods?');
  });

  it('asks before a window drops unsaved edits, and unloads only on "Discard changes"', () => {
    expect(result.unload).toEqual({ keep: false, discard: true });
  });

  it('shows a deleted folder in the tray and recovers when it returns', () => {
    expect(result.missingTooltip).toMatch(/folder not found/);
    expect(result.afterReturn).toEqual(['Back again']);
  });

  it('quits cleanly and removes the approval token', async () => {
    expect(exitCode).toBe(0);
    await expect(fs.access(path.join(dataDir, 'approval.token'))).rejects.toThrow();
  });
});
