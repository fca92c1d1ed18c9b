import { expect, test } from './support/fixtures.js';

test('logs of past runs are listed newest first and shown redacted', async ({ ui, app, page }) => {
  await app.engine.appendLog('deploy/rollback', 'First run: rolled back checkout.\n');
  // Two logs in the same millisecond still list in the order written (the id's counter).
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

test('"Run again with these values" fills the run form from a log’s receipt', async ({
  ui,
  app,
  page,
}) => {
  // The MCP server renders and logs in its own process; this engine stands in for it.
  const vars = { service: 'payments', revision: '3' };
  const { runId } = await app.engine.renderRun('deploy/rollback', { vars });
  await app.engine.appendLog(
    'deploy/rollback',
    'Rolled back payments.\n',
    {},
    {
      runId,
      outcome: 'success',
    },
  );
  await ui.library.openEntry('Roll back a deployment');
  await page.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByLabel('Log text')).toContainText('outcome: success');
  await page.getByRole('button', { name: 'Run again with these values' }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('--to-revision=3');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('deploy/payments');
});

test('a log without a receipt offers no "Run again"', async ({ ui, app, page }) => {
  await app.engine.appendLog('deploy/rollback', 'An older log.\n');
  await ui.library.openEntry('Roll back a deployment');
  await page.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByLabel('Log text')).toContainText('An older log.');
  await expect(page.getByRole('button', { name: 'Run again with these values' })).toHaveCount(0);
});
