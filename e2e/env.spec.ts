import { expect, test } from './support/fixtures.js';

test.beforeEach(async ({ ui }) => {
  await ui.goTo('Environment');
  await expect(ui.env.text).toContainText('staging-eu1');
});

test('a YAML error is shown with its line and column, and cannot be saved', async ({ ui, app }) => {
  const before = await app.read('env.yaml');
  await ui.env.replaceText('cluster:\n  name: a\n bad: [1, 2\n');
  await expect(ui.env.problem()).toContainText(/env\.yaml:\d+:\d+/);
  await expect(ui.page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(ui.env.saveButton).toBeDisabled();
  await ui.page.keyboard.press('ControlOrMeta+s');
  await expect(ui.page.getByRole('status').filter({ hasText: 'Not saved.' })).toBeVisible();
  expect(await app.read('env.yaml')).toBe(before);
});

test('valid YAML is saved to env.yaml and previews use it', async ({ ui, app }) => {
  const text = (await app.read('env.yaml')).replace('staging-eu1', 'staging-eu7');
  await ui.env.replaceText(text);
  await expect(ui.page.getByText('● Unsaved changes')).toBeVisible();
  await ui.env.saveButton.click();
  await expect(ui.page.getByRole('status').filter({ hasText: 'Saved env.yaml' })).toBeVisible();
  expect(await app.read('env.yaml')).toBe(text);
  expect(
    await app.engine.render('deploy/rolling-deploy', {
      vars: { service: 'checkout', version: '1' },
    }),
  ).toContain('staging-eu7');
});

test('profile files are listed and open on their own', async ({ ui }) => {
  await ui.env.file('env.production.yaml').click();
  await expect(ui.env.text).toContainText('prod-eu1');
});
