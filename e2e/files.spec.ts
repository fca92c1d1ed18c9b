import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';

test('New creates the file with starter front matter and opens it for editing', async ({
  ui,
  app,
  page,
}) => {
  await ui.library.create('ops/restart-redis');
  await expect(ui.heading()).toHaveText('Restart redis');
  await expect(page).toHaveURL(/ops%2Frestart-redis\/edit$/);
  await expect(ui.editor.text).toContainText('title: Restart redis');
  expect(await app.read('ops/restart-redis.md')).toContain('# Restart redis');
});

test('creating over an existing name is refused with the reason', async ({ ui, page }) => {
  await ui.library.create('deploy/rollback');
  const dialog = page.getByRole('dialog', { name: 'New runbook' });
  await expect(dialog.getByRole('alert')).toContainText('already exists');
});

test('Delete moves the file to .trash, and Undo brings it back', async ({ ui, app }) => {
  const original = await app.read('deploy/rollback.md');
  await ui.library.openEntry('Roll back a deployment');
  await ui.page.getByRole('button', { name: 'Delete' }).click();
  await expect(ui.library.entry('Roll back a deployment')).toHaveCount(0);
  await expect(fs.stat(app.path('deploy/rollback.md'))).rejects.toThrow();
  const trash = await fs.readdir(app.path('.trash'), { recursive: true });
  expect(trash.some((entry) => entry.endsWith('rollback.md'))).toBe(true);

  await ui.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(ui.heading()).toHaveText('Roll back a deployment');
  expect(await app.read('deploy/rollback.md')).toBe(original);
});

test('Rename moves the file and follows it', async ({ ui, app, page }) => {
  await ui.library.openEntry('Release test plan');
  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename runbook' });
  await dialog.getByLabel('New name').fill('testing/release-checklist');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page).toHaveURL(/testing%2Frelease-checklist/);
  await expect(
    fs.stat(app.path(path.join('testing', 'release-checklist.md'))),
  ).resolves.toBeTruthy();
  await expect(fs.stat(app.path('testing/release-test-plan.md'))).rejects.toThrow();
});
