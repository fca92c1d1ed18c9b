import { expect, test } from './support/fixtures.js';

const TRAP = `---
title: Flush the cache
# who to call: on-call SRE
x-owner: sre
variables:
  service:
  description: The service to restart
---
# Restart {var.service}
`;

test('the form edits front matter beside the text, keeping comments and unknown keys', async ({
  ui,
  app,
  page,
}) => {
  await ui.library.openEntry('Rolling deploy of a service');
  await ui.editor.show();
  const form = page.getByRole('form', { name: 'Front matter' });
  await expect(form.getByLabel('Title')).toHaveValue('Rolling deploy of a service');
  await form.getByLabel('Title').fill('Rolling deploy');
  await form.getByLabel('Title').press('Enter');
  // The text follows the form at once.
  await expect(ui.editor.text.locator('.cm-line').nth(1)).toHaveText('title: Rolling deploy');

  const version = form.getByRole('group', { name: 'version' });
  await version.getByLabel('Choices').fill('2024.06.1, 2024.07.0');
  await version.getByLabel('Choices').press('Tab');
  await version.getByLabel('Secret').check();
  await ui.editor.save();
  await expect(ui.editor.dirty).toHaveCount(0);
  const saved = await app.read('deploy/rolling-deploy.md');
  expect(saved).toContain(
    '  version:\n    description: Image tag to roll out, e.g. 2024.06.1\n    choices: [2024.06.1, 2024.07.0]\n    secret: true\n',
  );
  expect(saved).toContain('    default: "1"\n');
  expect(saved).toContain('\n# Rolling deploy of {var.service}\n');
});

test('the form follows the text as it is typed', async ({ ui, page }) => {
  await ui.library.openEntry('Rolling deploy of a service');
  await ui.editor.show();
  await ui.editor.typeAt(2, ' now');
  const form = page.getByRole('form', { name: 'Front matter' });
  await expect(form.getByLabel('Title')).toHaveValue('Rolling deploy of a service now');
});

test('the missing-indent trap is flagged, and the form writes the variable correctly', async ({
  ui,
  app,
  page,
}) => {
  await app.write('ops/restart.md', TRAP);
  await ui.page.reload();
  await ui.library.openEntry('Flush the cache');
  await ui.editor.show();
  const form = page.getByRole('form', { name: 'Front matter' });
  await expect(form.getByRole('list', { name: 'Front matter warnings' })).toContainText(
    'read as a required variable named "description"',
  );
  await expect(ui.editor.text.locator('.cm-lintRange-warning')).toHaveText('description');

  await form.getByRole('button', { name: 'Remove variable description' }).click();
  const service = form.getByRole('group', { name: 'service' });
  await service.getByLabel('Description').fill('The service to restart');
  await service.getByLabel('Description').press('Enter');
  await ui.editor.save();
  await expect(ui.editor.dirty).toHaveCount(0);
  expect(await app.read('ops/restart.md')).toBe(
    TRAP.replace(
      '  service:\n  description: The service to restart\n',
      '  service:\n    description: The service to restart\n',
    ),
  );
  await expect(form.getByRole('list', { name: 'Front matter warnings' })).toHaveCount(0);
});

test('the form hides and stays hidden; broken YAML is left to the text', async ({
  ui,
  app,
  page,
}) => {
  await app.write('ops/broken.md', '---\ntitle: [unclosed\n---\n# Broken\n');
  await ui.page.reload();
  await ui.library.openEntry('Broken');
  await ui.editor.show();
  const form = page.getByRole('form', { name: 'Front matter' });
  await expect(form.getByRole('status')).toContainText('YAML error');
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(form).toHaveCount(0);
  await page.reload();
  await ui.editor.text.waitFor();
  await expect(form).toHaveCount(0);
});
