import { expect, test } from './support/fixtures.js';

test('Activity lists the logs of every runbook newest first, with outcomes and filters', async ({
  ui,
  app,
  page,
}) => {
  await ui.page.waitForLoadState();
  await app.engine.appendLog(
    'deploy/rollback',
    'Rolled back checkout.\n',
    {},
    { outcome: 'failure' },
  );
  await app.engine.appendLog('incidents/triage', 'Paged the DB team.\n');
  await app.engine.appendLog(
    'deploy/rollback',
    'Rolled back payments.\n',
    {},
    { outcome: 'success' },
  );
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Activity' })
    .click();
  const list = page.getByRole('list', { name: 'Logs, newest first' });
  const rows = list.getByRole('button');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('success');
  await expect(rows.nth(0)).toContainText('Roll back a deployment');
  await expect(rows.nth(1)).toContainText('no receipt');
  await expect(rows.nth(2)).toContainText('failure');

  await page.getByLabel('Outcome', { exact: true }).selectOption('failure');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Outcome', { exact: true }).selectOption('any');
  await page.getByLabel('Text', { exact: true }).fill('paged');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByLabel('Log of incidents/triage')).toContainText('Paged the DB team.');
  // The list and the reader fill the window, however short the log.
  const reader = page.getByRole('region', { name: 'Log text' });
  const bottom = await reader.evaluate((el) => el.getBoundingClientRect().bottom);
  expect(bottom).toBe(page.viewportSize()!.height);
  await page.getByLabel('Text', { exact: true }).fill('');
  await page.getByLabel('Runbook', { exact: true }).selectOption('deploy/rollback');
  await expect(rows).toHaveCount(2);
});
