import { expect, test } from './support/fixtures.js';

test.beforeEach(async ({ ui }) => {
  await ui.library.openEntry('Rolling deploy of a service');
  await ui.editor.show();
});

test('an edit is marked unsaved, Ctrl+S saves it, and the file on disk has it', async ({
  ui,
  app,
}) => {
  await ui.editor.typeAtEnd('\nAlso tell #deploys when done.\n');
  await expect(ui.editor.dirty).toBeVisible();
  await ui.editor.save();
  await expect(ui.page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(ui.editor.dirty).toHaveCount(0);
  expect(await app.read('deploy/rolling-deploy.md')).toContain('Also tell #deploys when done.\n');
});

test('placeholders are highlighted, plain braces are not', async ({ ui }) => {
  await expect(ui.editor.text.locator('.cm-ph-var').first()).toHaveText('{var.service}');
  await expect(ui.editor.text.locator('.cm-ph-env').first()).toHaveText('{env[cluster][name]}');
  // jsonpath and PromQL braces stay plain text.
  await expect(
    ui.editor.text.locator('.cm-ph-var, .cm-ph-env').filter({ hasText: '.spec.template' }),
  ).toHaveCount(0);
  await expect(
    ui.editor.text.locator('.cm-ph-var, .cm-ph-env').filter({ hasText: 'job=' }),
  ).toHaveCount(0);
});

test('{env[ completes keys from env.yaml, level by level', async ({ ui, page }) => {
  await ui.editor.typeAtEnd('\nDB: {env[data');
  await ui.editor.completions().filter({ hasText: 'databases' }).click();
  await page.keyboard.type('[');
  await expect(ui.editor.completions().filter({ hasText: 'checkout-db' })).toBeVisible();
  await expect(ui.editor.completions().filter({ hasText: 'payments-db' })).toBeVisible();
  await ui.editor.completions().filter({ hasText: 'payments-db' }).click();
  await expect(ui.editor.text.locator('.cm-line').last()).toHaveText(
    'DB: {env[databases][payments-db]}',
  );
});

test('{var. completes the runbook variables', async ({ ui }) => {
  await ui.editor.typeAtEnd('\nVersion {var.ver');
  await expect(ui.editor.completions().filter({ hasText: 'version' })).toBeVisible();
});

test('an env path env.yaml does not have is underlined with what it has', async ({ ui, page }) => {
  await ui.editor.typeAtEnd('\nOops {env[cluster][zone]} here\n');
  const error = ui.editor.lintErrors().filter({ hasText: 'zone' });
  await expect(error).toBeVisible();
  await error.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('It has: name, context, region');
});
