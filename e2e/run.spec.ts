import { expect, test } from './support/fixtures.js';

test.beforeEach(async ({ ui }) => {
  await ui.library.openEntry('Rolling deploy of a service');
});

test('the form follows the front matter: labels, descriptions, defaults, choices, required', async ({
  ui,
  page,
}) => {
  const form = page.getByRole('form', { name: 'Variables' });
  await expect(form.getByRole('combobox', { name: /service/ })).toBeVisible();
  await expect(form.getByRole('combobox', { name: /service/ }).getByRole('option')).toHaveText([
    'Choose…',
    'checkout',
    'payments',
  ]);
  await expect(form.getByRole('textbox', { name: /version/ })).toHaveAccessibleDescription(
    /Image tag to roll out/,
  );
  await expect(form.getByRole('textbox', { name: /max_unavailable/ })).toHaveValue('1');
  await expect(form.locator('label[for="var-version"]')).toContainText('required');
  await expect(form.locator('label[for="var-max_unavailable"]')).not.toContainText('required');
  await expect(ui.run.profile).toBeVisible();
});

test('the preview marks what is missing and fills in as you type', async ({ ui }) => {
  await expect(ui.run.unresolved.filter({ hasText: '{var.version}' }).first()).toBeVisible();
  await ui.run.fill('service', 'payments');
  await ui.run.fill('version', '2024.06.1');
  await expect(ui.run.unresolved).toHaveCount(0);
  await expect(ui.run.preview).toContainText('registry.example.com/acme/payments-api:2024.06.1');
  await expect(ui.run.preview).toContainText('kubectl -n payments rollout status deploy/payments');
  await expect(ui.page.getByText('Ready to copy')).toBeVisible();
});

test('the profile picker switches env files', async ({ ui }) => {
  await ui.run.fill('service', 'checkout');
  await ui.run.fill('version', '1');
  await expect(ui.run.preview).toContainText('Cluster **staging-eu1**');
  await ui.run.profile.selectOption('production');
  await expect(ui.run.preview).toContainText('Cluster **prod-eu1**');
});

test('Copy puts the rendered runbook on the clipboard', async ({ ui, app }) => {
  await ui.run.fill('service', 'checkout');
  await ui.run.fill('version', '2024.06.2');
  await ui.run.copy();
  await expect(ui.message('Copied the rendered runbook.')).toBeVisible();
  const expected = await app.engine.render('deploy/rolling-deploy', {
    vars: { service: 'checkout', version: '2024.06.2' },
  });
  expect(await ui.clipboard()).toBe(expected);
  expect(await ui.copied()).toEqual([expected]);
});

test('Copy as Claude prompt gives the prompt around the rendered text', async ({ ui }) => {
  await ui.run.fill('service', 'checkout');
  await ui.run.fill('version', '7');
  await ui.run.copyAsPrompt();
  await expect(ui.message('Copied as a Claude prompt.')).toBeVisible();
  const prompt = await ui.clipboard();
  expect(prompt).toContain('<runbook name="deploy/rolling-deploy">');
  expect(prompt).toContain('set image deploy/checkout');
  expect(prompt).toContain('create_runbook_log');
});

test('Copy with values missing copies nothing and says what is missing', async ({ ui, page }) => {
  await ui.run.copy();
  const problem = page.getByRole('alert').filter({ hasText: 'Not copied.' });
  await expect(problem).toContainText('service');
  await expect(problem).toContainText('version');
  expect(await ui.copied()).toEqual([]);
});

test('last-used values are remembered per runbook after a copy', async ({ ui, page }) => {
  await ui.run.fill('service', 'payments');
  await ui.run.fill('version', '9.9.9');
  await ui.run.copy();
  await expect(ui.message('Copied the rendered runbook.')).toBeVisible();
  await page.reload();
  await expect(page.locator('#var-version')).toHaveValue('9.9.9');
  await expect(page.locator('#var-service')).toHaveValue('payments');
});

test('a secret variable is a password field and is never remembered', async ({ ui, app, page }) => {
  await app.write(
    'ops/rotate.md',
    '---\ntitle: Rotate the API key\nvariables:\n  user: {description: Account}\n  api_key: {description: The new key, secret: true}\n---\ncurl -u {var.user}:{var.api_key} https://api.example.com/rotate\n',
  );
  await ui.library.openEntry('Rotate the API key');
  await expect(page.locator('#var-api_key')).toHaveAttribute('type', 'password');
  await ui.run.fill('user', 'ops');
  await ui.run.fill('api_key', 'sk-very-secret');
  await ui.run.copy();
  await expect(ui.message('Copied the rendered runbook.')).toBeVisible();
  await page.reload();
  await expect(page.locator('#var-user')).toHaveValue('ops');
  await expect(page.locator('#var-api_key')).toHaveValue('');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('sk-very-secret');
});

test('a runbook with front matter tools: names them above its form; one without names none', async ({
  ui,
  page,
}) => {
  const form = page.getByRole('form', { name: 'Variables' });
  await expect(form.getByText('Allowed MCP tools')).toHaveCount(0);
  await ui.library.openEntry('Restart a service');
  await expect(form.getByText('Allowed MCP tools')).toContainText(
    'kubectl_get, kubectl_rollout, request_approval',
  );
});
