import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { SKIP_REASON, installedElectron, repoRoot } from './electron-binary.js';

const binary = installedElectron();
test.skip(!binary, SKIP_REASON);

let temp: string;
let app: ElectronApplication | undefined;

test.beforeEach(async () => {
  temp = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-electron-'));
  const folder = path.join(temp, 'runbooks');
  await fs.mkdir(path.join(folder, 'ops'), { recursive: true });
  await fs.writeFile(
    path.join(folder, 'ops', 'restart.md'),
    '# Restart pods\n\nkubectl rollout restart deploy/{var.app}\n',
  );
  await fs.writeFile(path.join(folder, 'hello.md'), '# Hello\n\necho hello\n');
  // The app reads its folder from the settings file in its (temporary) user-data folder.
  await fs.mkdir(path.join(temp, 'data'));
  await fs.writeFile(
    path.join(temp, 'data', 'config.json'),
    JSON.stringify({ runbookDir: folder }),
  );
});

test.afterEach(async () => {
  await app?.close().catch(() => undefined);
  app = undefined;
  await fs.rm(temp, { recursive: true, force: true });
});

async function launch(...args: string[]): Promise<ElectronApplication> {
  app = await electron.launch({
    executablePath: binary,
    args: [repoRoot, ...args],
    env: { ...process.env, RUNBOOK_COMPANION_DATA: path.join(temp, 'data') } as Record<
      string,
      string
    >,
  });
  return app;
}

test('starts to the tray with no window, and --show opens the app', async () => {
  const hidden = await launch();
  await hidden.evaluate(({ app: a }) => a.whenReady());
  expect(await hidden.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
    0,
  );
  await hidden.close();

  const shown = await launch('--show');
  const page = await shown.firstWindow();
  await expect(page).toHaveTitle(/Runbook Companion/);
  await page.screenshot({ path: path.join(repoRoot, 'e2e', 'artifacts', 'electron-main.png') });
});

test('the renderer reaches the engine over the one IPC channel', async () => {
  const page = await (await launch('--show')).firstWindow();
  const names = await page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        runbookBridge: {
          call(m: string, a: unknown): Promise<{ ok: boolean; value: { name: string }[] }>;
        };
      }
    ).runbookBridge;
    const outcome = await bridge.call('list', {});
    return outcome.ok ? outcome.value.map((r) => r.name).sort() : [];
  });
  expect(names).toEqual(['hello', 'ops/restart']);
});

test('closing the window hides it to the tray; the app keeps running', async () => {
  const running = await launch('--show');
  const page = await running.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await running.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  const state = await running.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({
      visible: w.isVisible(),
      destroyed: w.isDestroyed(),
    })),
  );
  expect(state).toEqual([{ visible: false, destroyed: false }]);
});

test('a second instance hands over to the first and exits', async () => {
  await launch();
  const second = spawn(binary as string, [repoRoot], {
    env: { ...process.env, RUNBOOK_COMPANION_DATA: path.join(temp, 'data') },
    stdio: 'ignore',
  });
  const exited = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 15_000);
    second.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!exited) second.kill();
  expect(exited).toBe(true);
});
