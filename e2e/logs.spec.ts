import { expect, test } from './support/fixtures.js';

test('logs of past runs are listed newest first and shown redacted', async ({ ui, app, page }) => {
  await app.engine.appendLog('deploy/rollback', 'First run: rolled back checkout.\n');
  await new Promise((resolve) => setTimeout(resolve, 20));
  await app.engine.appendLog(
    'deploy/rollback',
    'Second run: used token ghp_abcdefghijklmnopqrstuvwxyz0123456789 to call the API.\n',
  );
  await ui.library.openEntry('Roll back a deployment');
  await page
    .getByRole('navigation', { name: 'Runbook views' })
    .getByRole('link', { name: 'Logs' })
    .click();
  const runs = page.getByRole('list', { name: 'Past runs, newest first' }).getByRole('button');
  await expect(runs).toHaveCount(2);
  const text = page.getByLabel('Log text');
  await expect(text).toContainText('Second run');
  await expect(text).not.toContainText('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  await expect(text).toContainText('[REDACTED]');
  await runs.nth(1).click();
  await expect(text).toContainText('First run');
});

test('a runbook without logs says how logs get there', async ({ ui, page }) => {
  await ui.library.openEntry('Release test plan');
  await page.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { name: 'No runs logged yet' })).toBeVisible();
});
