import { expect, test } from './support/fixtures.js';

// The tray app opens these routes in small windows: index.html#/picker and #/fill/<name>.
test('the picker finds a runbook; one without required values is copied at once', async ({
  ui,
  app,
  page,
}) => {
  await app.write(
    'ops/disk-usage.md',
    '# Check disk usage\n\ndf -h /var/lib/{env[cluster][name]}\n',
  );
  await page.goto(`${app.host.origin}/#/picker`);
  const search = page.getByRole('combobox', { name: 'Find a runbook' });
  await expect(search).toBeFocused();
  await search.fill('disk usage');
  await expect(page.getByRole('option').first()).toContainText('Check disk usage');
  await search.press('Enter');
  await expect.poll(() => ui.copied()).toHaveLength(1);
  expect((await ui.copied())[0]).toBe('# Check disk usage\n\ndf -h /var/lib/staging-eu1\n');
});

test('the picker sends a runbook that needs values to its fill form', async ({ ui, app, page }) => {
  await page.goto(`${app.host.origin}/#/picker`);
  const search = page.getByRole('combobox', { name: 'Find a runbook' });
  await search.fill('rolling deploy');
  await expect(page.getByRole('option').first()).toContainText('Rolling deploy');
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/fill\/deploy%2Frolling-deploy$/);
  await ui.run.fill('service', 'payments');
  await ui.run.fill('version', '3');
  await ui.run.copy();
  await expect.poll(async () => (await ui.copied()).length).toBe(1);
  expect((await ui.copied())[0]).toContain('set image deploy/payments');
});
