import { HTTP_BOOT_CALLS, HTTP_BOOT_PATH, HTTP_CALL_PREFIX } from '../src-mcp/api/channels.js';
import { RunbookApp } from './pages/runbook-app.js';
import { expect, test } from './support/fixtures.js';

test('search finds a runbook with highlighted snippets, and the keyboard opens it', async ({
  ui,
  page,
}) => {
  await ui.library.find('replication lag');
  const first = ui.library.results().first();
  await expect(first).toContainText('Postgres replication lag');
  await expect(first.locator('mark').first()).toHaveText(/replication|lag/i);
  await ui.library.search.press('Enter');
  await expect(ui.heading()).toHaveText('Postgres replication lag');
  await expect(page).toHaveURL(/#\/runbook\/incidents%2Fpostgres-replication-lag\/run$/);
});

test('arrow keys move through the results before Enter opens one', async ({ ui }) => {
  await ui.library.find('deploy');
  await expect(ui.library.results().nth(1)).toBeVisible();
  const second = await ui.library.results().nth(1).locator('.title').textContent();
  await ui.library.search.press('ArrowDown');
  await ui.library.search.press('Enter');
  await expect(ui.heading()).toHaveText(second ?? '');
});

test('Ctrl+K focuses the search box from anywhere', async ({ ui, page }) => {
  await ui.goTo('Settings');
  // From the Settings page itself: pressed while the library still shows, it proves nothing.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(ui.library.search).toBeHidden();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(ui.library.search).toBeFocused();
});

test('the folder shows as a tree, and a tag filters it', async ({ ui }) => {
  await expect(ui.library.folder('deploy')).toBeVisible();
  await expect(ui.library.entry('Rolling deploy of a service')).toBeVisible();
  await ui.page.getByLabel('Tag').selectOption('postgres');
  await expect(ui.library.entry('Postgres replication lag')).toBeVisible();
  await expect(ui.library.entry('Rolling deploy of a service')).toHaveCount(0);
});

test('the library comes in the one request the page preloads: no call for the list, pins or folder', async ({
  app,
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const ui = new RunbookApp(page);
  await ui.open(app.host.url);
  await expect(ui.library.entry('Rolling deploy of a service')).toBeVisible();
  await expect(ui.library.folder('deploy')).toBeVisible();
  const calls = HTTP_BOOT_CALLS.map((method) => `${HTTP_CALL_PREFIX}${method}`);
  expect(asked.filter((path) => calls.includes(path))).toEqual([]);
  expect(asked.filter((path) => path === HTTP_BOOT_PATH)).toHaveLength(1);

  // Later calls ask the host: a runbook pinned now shows under Pinned.
  await ui.library.openEntry('Roll back a deployment');
  await page.getByRole('button', { name: 'Pin' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'Pinned and recent runbooks' })
      .getByRole('list', { name: 'Pinned' }),
  ).toContainText('Roll back a deployment');
});
