/**
 * The README's screenshots: every screen in light and dark at 1280×800, the main ones at 800×600.
 * Run with `npx playwright test --project screenshots`; they land in docs/screenshots/.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, type AppSession } from './support/fixtures.js';
import { SCREENSHOTS_DIR } from './support/paths.js';
import { settled } from './support/settled.js';
import type { RunbookApp } from './pages/runbook-app.js';

type Screen = {
  name: string;
  /** Also at 800×600. */
  small?: boolean;
  show(ui: RunbookApp, app: AppSession, page: Page): Promise<void>;
};

const screens: Screen[] = [
  {
    name: 'library',
    small: true,
    show: async (ui) => {
      await ui.library.find('deploy');
      await ui.library.results().first().waitFor();
    },
  },
  {
    name: 'run',
    small: true,
    show: async (ui) => {
      await ui.library.openEntry('Rolling deploy of a service');
      await ui.run.fill('service', 'payments');
      await ui.run.preview.getByText('payments-api').first().waitFor();
    },
  },
  {
    name: 'edit',
    small: true,
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Postgres replication lag');
      await ui.editor.show();
      await ui.editor.typeAt(14, 'Page {env[oncall][pag');
      await page.locator('.cm-tooltip-autocomplete').waitFor();
    },
  },
  {
    name: 'conflict',
    show: async (ui, app) => {
      await ui.library.openEntry('Roll back a deployment');
      await ui.editor.show();
      await ui.editor.typeAt(17, ' Ask in #deploys first.');
      await app.write(
        'deploy/rollback.md',
        (await app.read('deploy/rollback.md')).replace('# ', '# [reviewed] '),
      );
      await ui.editor.conflict.waitFor();
    },
  },
  {
    name: 'env',
    show: async (ui, _app, page) => {
      await ui.goTo('Environment');
      await ui.env.text.waitFor();
      await ui.env.text.locator('.cm-line').nth(6).click();
      await page.keyboard.press('End');
      await page.keyboard.insertText('\n  zone: [europe-west1-b');
      await ui.env.problem().waitFor();
    },
  },
  {
    name: 'claude',
    show: async (ui, app, page) => {
      await fs.mkdir(path.dirname(app.claudeConfig), { recursive: true });
      await fs.writeFile(
        app.claudeConfig,
        `${JSON.stringify({ mcpServers: { github: { command: '/usr/local/bin/github-mcp', args: [] } } }, null, 2)}\n`,
      );
      await ui.goTo('Claude & clients');
      await ui.claude.card('Claude Desktop').getByRole('button', { name: 'Install…' }).click();
      await ui.claude.plan('Claude Desktop').waitFor();
      await page.mouse.move(0, 0);
    },
  },
  {
    name: 'logs',
    show: async (ui, app, page) => {
      await app.engine.appendLog(
        'deploy/rollback',
        '# Rollback of checkout\n\n1. `kubectl rollout undo deploy/checkout` → rolled back to revision 41.\n2. Error rate back to 0.2 % after 3 minutes.\n\nOutcome: resolved. Token used: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
      );
      await ui.library.openEntry('Roll back a deployment');
      await page.getByRole('link', { name: 'Logs' }).click();
      await page.getByLabel('Log text').getByText('Outcome').waitFor();
    },
  },
  {
    name: 'settings',
    show: async (ui) => {
      await ui.goTo('Settings');
      await ui.page.getByRole('heading', { name: 'Folder' }).waitFor();
    },
  },
  {
    name: 'rendered',
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Rolling deploy of a service');
      await ui.run.fill('service', 'payments');
      await page
        .getByRole('group', { name: 'Show the preview as' })
        .getByRole('button', { name: 'Rendered' })
        .click();
      await page
        .getByRole('region', { name: 'Rendered preview' })
        .getByRole('heading')
        .first()
        .waitFor();
    },
  },
  {
    name: 'favourites',
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Postgres replication lag');
      await ui.library.openEntry('Roll back a deployment');
      await page.getByRole('button', { name: 'Pin' }).click();
      await page
        .getByRole('navigation', { name: 'Pinned and recent runbooks' })
        .getByRole('list', { name: 'Pinned' })
        .waitFor();
    },
  },
  {
    name: 'trash',
    show: async (ui, app, page) => {
      await app.engine.delete('deploy/rollback');
      await app.engine.delete('incidents/triage');
      const text = await app.read('deploy/rolling-deploy.md');
      await app.engine.save(
        'deploy/rolling-deploy',
        text.replace('Rolling deploy', 'Rolling deploy (v2)'),
      );
      await ui.goTo('Trash');
      await page
        .getByRole('list', { name: 'Runbooks in the trash' })
        .getByText('deploy/rollback', { exact: true })
        .waitFor();
      await page.getByRole('button', { name: 'Compare deploy/rolling-deploy' }).click();
      await page.getByRole('region', { name: /^Differences/ }).waitFor();
    },
  },
  {
    name: 'activity',
    show: async (_ui, app, page) => {
      await app.engine.appendLog(
        'incidents/triage',
        'Paged the DB team; replica caught up.\n',
        {},
        { outcome: 'failure' },
      );
      await app.engine.appendLog(
        'deploy/rollback',
        'Rolled back payments to revision 41.\n',
        {},
        { outcome: 'success' },
      );
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Activity' })
        .click();
      const rows = page.getByRole('list', { name: 'Logs, newest first' }).getByRole('button');
      await rows.first().click();
      await page.getByLabel('Log of deploy/rollback').waitFor();
    },
  },
  {
    name: 'picker',
    show: async (_ui, app, page) => {
      await page.setViewportSize({ width: 640, height: 420 });
      await page.goto(`${app.host.origin}/#/picker`);
      await page.getByRole('combobox', { name: 'Find a runbook' }).fill('postgres');
      await page.getByRole('option').first().waitFor();
    },
  },
];

const variants = screens.flatMap((screen) =>
  (['light', 'dark'] as const).flatMap((scheme) => [
    { screen, scheme, width: 1280, height: 800 },
    ...(screen.small ? [{ screen, scheme, width: 800, height: 600 }] : []),
  ]),
);

for (const { screen, scheme, width, height } of variants) {
  const file = `${screen.name}-${scheme}${width === 1280 ? '' : `-${width}x${height}`}.png`;
  test(file, async ({ ui, app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    await screen.show(ui, app, page);
    await settled(page);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, file) });
  });
}
