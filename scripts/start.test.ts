import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let temp: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` here builds once if the CLI is missing.
  if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}, 300_000);

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  if (temp) await fs.rm(temp, { recursive: true, force: true });
});

/** Collects stdout lines until one matches, or the process ends first. */
function waitForLine(proc: ChildProcess, pattern: RegExp, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (pattern.test(line)) resolve(line);
      }
    });
    proc.once('exit', (code) =>
      reject(
        new Error(
          `start.mjs exited (${code}) before printing ${pattern}; stdout: ${lines.join('\n')}`,
        ),
      ),
    );
  });
}

describe('npm start without an Electron binary', () => {
  it('says so in one line and serves the web UI instead', async () => {
    temp = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-start-'));
    const folder = path.join(temp, 'runbooks');
    const noElectron = path.join(temp, 'no-electron');
    await fs.mkdir(folder);
    await fs.mkdir(noElectron);
    await fs.writeFile(path.join(folder, 'hello.md'), '# Hello\n\necho {var.who}\n');
    // Its own page: the test is about start.mjs, not about (concurrent) renderer builds.
    const renderer = path.join(temp, 'renderer');
    await fs.mkdir(renderer);
    await fs.writeFile(
      path.join(renderer, 'index.html'),
      '<!doctype html><title>start-test</title>',
    );
    child = spawn(
      process.execPath,
      [path.join(root, 'scripts', 'start.mjs'), '--dir', folder, '--port', '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          // An empty Electron dist: the binary is "missing" without any download attempt.
          ELECTRON_OVERRIDE_DIST_PATH: noElectron,
          RUNBOOK_COMPANION_DATA: path.join(temp, 'data'),
          RUNBOOK_RENDERER_DIR: renderer,
          // No browser may open from a test; serve's --open must cope.
          BROWSER: 'none',
          DISPLAY: '',
        },
      },
    );
    const lines: string[] = [];
    const urlLine = await waitForLine(child, /http:\/\/127\.0\.0\.1:\d+\/\S*/, lines);
    expect(lines[0]).toMatch(
      /^Electron binary not available \(.+\); starting the web host instead\.$/,
    );
    const url = urlLine.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/)?.[0] ?? '';
    // The link trades its one-time token for a cookie, then the page itself loads.
    const entry = await fetch(url, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await fetch(new URL(entry.headers.get('location') ?? '/', url), {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<title>start-test</title>');
  });
});
