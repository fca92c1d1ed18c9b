import { expect, test } from './support/fixtures.js';

test.beforeEach(async ({ ui }) => {
  await ui.library.openEntry('Rolling deploy of a service');
  await ui.editor.show();
});

test('{include[ completes runbook names and closes the placeholder', async ({ ui }) => {
  await ui.editor.typeAtEnd('\n{include[common/pre');
  await ui.editor.completions().filter({ hasText: 'common/preflight' }).click();
  await expect(ui.editor.text.locator('.cm-line').last()).toHaveText('{include[common/preflight]}');
  await expect(ui.editor.lintErrors().filter({ hasText: 'include' })).toHaveCount(0);
});

test('an include of a name the folder does not have is underlined', async ({ ui, page }) => {
  await ui.editor.typeAtEnd('\n{include[common/nope]} here\n');
  const error = ui.editor.lintErrors().filter({ hasText: 'common/nope' });
  await expect(error).toBeVisible();
  await error.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText(
    'No runbook is named exactly "common/nope"',
  );
});

test('Ctrl+click on an include opens the runbook it names; a plain click only moves the cursor', async ({
  ui,
  page,
}) => {
  await ui.library.openEntry('Restart a service');
  await ui.editor.show();
  const include = ui.editor.text.locator('.cm-ph-include').filter({ hasText: 'common/preflight' });
  await include.click();
  await expect(ui.heading()).toHaveText('Restart a service');
  await include.click({ modifiers: [process.platform === 'darwin' ? 'Meta' : 'Control'] });
  await expect(ui.heading()).toHaveText('Preflight checks before changing a service');
  await expect(page).toHaveURL(/edit/);
});
