/**
 * axe-core on every screen, light and dark: zero critical or serious violations. axe.min.js is
 * injected from node_modules (@axe-core/playwright needs Node 22).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './support/paths.js';
import { expect, test, type AppSession } from './support/fixtures.js';
import { settled } from './support/settled.js';
import type { RunbookApp } from './pages/runbook-app.js';

const AXE = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

function describe(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n');
      return `${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

interface Screen {
  name: string;
  /** Brings the screen up from the library, as a user would. */
  show(ui: RunbookApp, app: AppSession, page: Page): Promise<void>;
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Runbook views' });

const SCREENS: Screen[] = [
  { name: 'library', show: async () => {} },
  {
    name: 'search results',
    show: async (ui) => {
      await ui.library.find('rollback');
      await expect(ui.library.results().first()).toBeVisible();
    },
  },
  {
    name: 'run view',
    show: async (ui) => {
      await ui.library.openEntry('Roll back a deployment');
      await expect(ui.run.preview).toBeVisible();
    },
  },
  {
    name: 'editor',
    show: async (ui) => {
      await ui.library.openEntry('Roll back a deployment');
      await ui.editor.show();
    },
  },
  {
    name: 'logs',
    show: async (ui, app, page) => {
      await app.engine.appendLog('deploy/rollback', 'Rolled back checkout.\n');
      await ui.library.openEntry('Roll back a deployment');
      await views(page).getByRole('link', { name: 'Logs' }).click();
      await expect(page.getByLabel('Log text')).toContainText('Rolled back');
    },
  },
  {
    name: 'env page',
    show: async (ui, _app, page) => {
      await ui.goTo('Environment');
      await expect(page.locator('.cm-content').first()).toBeVisible();
    },
  },
  {
    name: 'Claude page',
    show: async (ui, _app, page) => {
      await ui.goTo('Claude & clients');
      await expect(page.getByRole('heading', { name: 'Claude Desktop' })).toBeVisible();
    },
  },
  {
    name: 'Claude page, installed and tested',
    show: async (ui) => {
      await ui.goTo('Claude & clients');
      const card = ui.claude.card('Claude Desktop');
      await card.getByRole('button', { name: 'Install…' }).click();
      await card.getByRole('button', { name: 'Write to config' }).click();
      await expect(card.getByText('Installed', { exact: true })).toBeVisible();
      await expect(card.getByText(/backed up at|no backup was needed/)).toBeVisible();
      await card.getByRole('button', { name: 'Test connection' }).click();
      await expect(
        card.getByRole('status').filter({ hasText: /Connected|did not start/ }),
      ).toBeVisible({ timeout: 20_000 });
    },
  },
  {
    name: 'run view with the production profile',
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Rolling deploy of a service');
      await ui.run.profile.selectOption('production');
      await expect(page.getByRole('note')).toContainText('production');
    },
  },
  {
    name: 'settings',
    show: async (ui) => {
      await ui.goTo('Settings');
      await expect(ui.heading()).toBeVisible();
    },
  },
  {
    name: 'trash',
    show: async (ui, app, page) => {
      await app.engine.delete('deploy/rollback');
      await ui.goTo('Trash');
      await expect(page.getByRole('list', { name: 'Runbooks in the trash' })).toBeVisible();
    },
  },
  {
    name: 'trash, an earlier text compared',
    show: async (ui, app, page) => {
      await app.engine.save('deploy/rollback', '# Roll back, second text\n');
      await ui.goTo('Trash');
      await page.getByRole('button', { name: 'Compare deploy/rollback' }).click();
      await expect(page.getByRole('region', { name: /^Differences/ })).toBeVisible();
    },
  },
  {
    name: 'trash, delete forever question',
    show: async (ui, app, page) => {
      await app.engine.delete('deploy/rollback');
      await ui.goTo('Trash');
      await page.getByRole('button', { name: 'Delete forever deploy/rollback' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete forever?' })).toBeVisible();
    },
  },
  {
    name: 'library with pinned and recent',
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Roll back a deployment');
      await page.getByRole('button', { name: 'Pin' }).click();
      await ui.library.openEntry('Rolling deploy of a service');
      await expect(page.getByRole('list', { name: 'Recent' })).toBeVisible();
    },
  },
  {
    name: 'new from template',
    show: async (_ui, app, page) => {
      await app.write('templates/incident.md', '---\ntitle: Incident\n---\n# Incident\n');
      await app.engine.reindex();
      await page.getByRole('button', { name: 'New from template…' }).click();
      await expect(page.getByLabel('Template', { exact: true })).toHaveValue('templates/incident');
    },
  },
  {
    name: 'editor with the front matter form',
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Rolling deploy of a service');
      await ui.editor.show();
      await expect(page.getByRole('form', { name: 'Front matter' })).toBeVisible();
    },
  },
  {
    name: 'run view, rendered Markdown',
    show: async (ui, _app, page) => {
      await ui.library.openEntry('Rolling deploy of a service');
      await page.getByRole('button', { name: 'Rendered' }).click();
      await expect(page.getByRole('region', { name: 'Rendered preview' })).toBeVisible();
    },
  },
  {
    name: 'activity (logs of every runbook)',
    show: async (_ui, app, page) => {
      await app.engine.appendLog('deploy/rollback', 'Rolled back.\n', {}, { outcome: 'success' });
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Activity' })
        .click();
      await page
        .getByRole('list', { name: 'Logs, newest first' })
        .getByRole('button')
        .first()
        .click();
      await expect(page.getByLabel('Log of deploy/rollback')).toContainText('Rolled back');
    },
  },
  {
    name: 'new env profile dialog',
    show: async (ui, _app, page) => {
      await ui.goTo('Environment');
      await page.getByRole('button', { name: 'New profile…' }).click();
      await expect(page.getByRole('dialog', { name: 'New env profile' })).toBeVisible();
    },
  },
  {
    name: 'picker',
    show: async (_ui, app, page) => {
      await page.goto(`${app.host.origin}/#/picker`);
      await expect(page.getByRole('combobox').first()).toBeVisible();
    },
  },
  {
    name: 'fill view',
    show: async (_ui, app, page) => {
      await page.goto(`${app.host.origin}/#/fill/deploy%2Frollback`);
      await expect(page.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme}`, () => {
    // The app's CSP allows only its own scripts; axe is injected as an inline script.
    test.use({ colorScheme: scheme, bypassCSP: true });
    for (const screen of SCREENS) {
      test(`${screen.name} has no critical or serious axe violations`, async ({
        ui,
        app,
        page,
      }) => {
        await screen.show(ui, app, page);
        // Let transitions settle: axe measures colours as painted.
        await settled(page);
        const violations = await seriousViolations(page);
        expect(violations, describe(violations)).toEqual([]);
      });
    }
  });
}
