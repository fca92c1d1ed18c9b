import { expect, test } from './support/fixtures.js';

test('a profile created on the env page is listed, opened, and chosen in the run pane', async ({
  ui,
  app,
  page,
}) => {
  await ui.goTo('Environment');
  await page.getByRole('button', { name: 'New profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New env profile' });
  // A name that is a path is refused, and nothing is written.
  await dialog.getByLabel('Profile name').fill('../evil');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toContainText(/profile|invalid/i);
  await dialog.getByLabel('Profile name').fill('staging');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ui.env.current()).toHaveText('env.staging.yaml');
  expect(await app.read('env.staging.yaml')).toMatch(/^# The staging profile/);

  // An existing profile is never overwritten.
  await page.getByRole('button', { name: 'New profile…' }).click();
  await dialog.getByLabel('Profile name').fill('production');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toContainText('exists already');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await ui.goTo('Runbooks');
  await ui.library.openEntry('Rolling deploy of a service');
  await ui.run.profile.selectOption('staging');
  await expect(page.getByRole('note')).toContainText('Rendering with the staging profile');
});
