/**
 * Each test gets its own app: a temp copy of the bundled runbooks, temp logs, settings and client
 * config files, the real Engine and the real web host, and a page logged in with the token.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { EXTENSION_FILE_NAME, findExtensionFile } from '../../src-mcp/clients/extension-file.js';
import { startWebHost, type WebHost } from '../../src-mcp/api/web-host.js';
import { confSettingsStore } from '../../src-mcp/api/conf-settings.js';
import { confRecentStore } from '../../src-mcp/api/recent-store.js';
import { Engine } from '../../src-mcp/engine/engine.js';
import { RunbookApp } from '../pages/runbook-app.js';
import { ARTIFACTS, RENDERER_DIR, repoRoot } from './paths.js';

export interface AppSession {
  host: WebHost;
  engine: Engine;
  /** The runbook folder (a temp copy of the repo's runbooks/). */
  folder: string;
  /** A temp home: client config files (Claude Desktop, Cursor, VS Code) live under it. */
  home: string;
  claudeConfig: string;
  path(relative: string): string;
  read(relative: string): Promise<string>;
  write(relative: string, text: string): Promise<void>;
}

interface Fixtures {
  app: AppSession;
  ui: RunbookApp;
  artifact: void;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; app has none.
  app: async ({}, use) => {
    const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-e2e-'));
    const folder = path.join(temp, 'runbooks');
    await fs.cp(path.join(repoRoot, 'runbooks'), folder, { recursive: true });
    const home = path.join(temp, 'home');
    const claudeConfig = path.join(home, 'claude', 'claude_desktop_config.json');
    const engine = Engine.open({ dir: folder, logsDir: path.join(temp, 'logs') });
    const host = await startWebHost({
      engine,
      rendererDir: RENDERER_DIR,
      claude: {
        configPaths: { claude: claudeConfig },
        platform: { platform: 'linux', homedir: home, env: {} },
        detectRunning: async () => false,
        // A test that wants the extension offered puts the file here.
        extensionFile: () => findExtensionFile([path.join(home, EXTENSION_FILE_NAME)]),
      },
      settings: confSettingsStore(path.join(temp, 'data')),
      recent: confRecentStore(path.join(temp, 'data')),
    });
    const at = (relative: string) => path.join(folder, relative);
    await use({
      host,
      engine,
      folder,
      home,
      claudeConfig,
      path: at,
      read: (relative) => fs.readFile(at(relative), 'utf8'),
      write: async (relative, text) => {
        await fs.mkdir(path.dirname(at(relative)), { recursive: true });
        await fs.writeFile(at(relative), text);
      },
    });
    await host.close();
    await fs.rm(temp, { recursive: true, force: true });
  },

  ui: async ({ page, app }, use) => {
    const ui = new RunbookApp(page);
    await ui.open(app.host.url);
    await use(ui);
  },

  /** Every test leaves a screenshot of how it ended in e2e/artifacts/screens/. */
  artifact: [
    async ({ page }, use, testInfo) => {
      await use();
      const name = `${path.basename(testInfo.file, '.spec.ts')}--${testInfo.title}`.replace(
        /[^A-Za-z0-9_-]+/g,
        '-',
      );
      await page
        .screenshot({ path: path.join(ARTIFACTS, 'screens', `${name}.png`) })
        .catch(() => undefined);
    },
    { auto: true },
  ],
});

export { expect };
