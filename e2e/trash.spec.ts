/**
 * The Trash view, Pinned and Recent, Duplicate and New from template, through the real UI over a
 * temp copy of the bundled runbooks. The first test uses the keyboard only.
 */
import type { Locator, Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import { expect, test } from './support/fixtures.js';

/** Presses `key` until `target` has focus, as a keyboard user would (bounded: a trap fails). */
async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const trashList = (page: Page) => page.getByRole('list', { name: 'Runbooks in the trash' });

test('delete → open Trash → restore, all by keyboard, and the bytes are back', async ({
  ui,
  app,
  page,
}) => {
  const original = await fs.readFile(app.path('deploy/rollback.md'));
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('Roll back a deployment');
  await expect(ui.library.results().first()).toContainText('Roll back a deployment');
  await page.keyboard.press('Enter');
  await expect(ui.heading()).toHaveText('Roll back a deployment');
  await pressUntilFocused(page, 'Shift+Tab', page.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Moved deploy/rollback to .trash')).toBeVisible();
  await expect(fs.access(app.path('deploy/rollback.md'))).rejects.toThrow();

  const trashLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
    name: 'Trash',
  });
  // Focus is back in the search box: the top bar is just before it.
  await expect(ui.library.search).toBeFocused();
  await pressUntilFocused(page, 'Shift+Tab', trashLink);
  await page.keyboard.press('Enter');
  await expect(ui.heading()).toHaveText('Trash');
  await expect(ui.heading()).toBeFocused();
  await expect(trashList(page)).toContainText('deploy/rollback');
  await pressUntilFocused(
    page,
    'Tab',
    page.getByRole('button', { name: 'Restore deploy/rollback', exact: true }),
  );
  await page.keyboard.press('Enter');
  await expect(ui.message('Restored deploy/rollback')).toBeVisible();
  await expect(ui.heading()).toHaveText('Roll back a deployment');
  expect((await fs.readFile(app.path('deploy/rollback.md'))).equals(original)).toBe(true);
});

test('restore never overwrites: a taken name asks for another', async ({ ui, app, page }) => {
  const original = await app.read('deploy/rollback.md');
  await app.engine.delete('deploy/rollback');
  await app.write('deploy/rollback.md', 'the new one\n');
  await app.engine.reindex();
  await ui.goTo('Trash');
  await expect(trashList(page)).toContainText('A runbook has this name now');
  await page.getByRole('button', { name: 'Restore as deploy/rollback' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore under another name' });
  await dialog.getByLabel('New name').fill('deploy/rollback');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toContainText('a runbook is there now');
  await dialog.getByLabel('New name').fill('deploy/rollback-old');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(ui.heading()).toHaveText('Roll back a deployment');
  expect(await app.read('deploy/rollback-old.md')).toBe(original);
  expect(await app.read('deploy/rollback.md')).toBe('the new one\n');
});

test('an earlier text a save replaced is marked so, and restores beside the runbook', async ({
  ui,
  app,
  page,
}) => {
  const original = await app.read('deploy/rollback.md');
  await app.engine.save('deploy/rollback', '# Roll back, second text\n');
  await ui.goTo('Trash');
  const list = trashList(page);
  await expect(list).toContainText('from deploy/rollback.md · replaced');
  await expect(list).toContainText('An earlier text, replaced by a save');
  const compare = page.getByRole('button', { name: 'Compare deploy/rollback' });
  await compare.click();
  await expect(compare).toHaveAttribute('aria-expanded', 'true');
  const diff = list.getByRole('region', { name: 'Differences: in the trash and the runbook now' });
  await expect(
    diff.locator('.row.removed').filter({ hasText: 'title: Roll back a deployment' }),
  ).toHaveCount(1);
  await expect(diff.locator('.row.added')).toHaveText(['+# Roll back, second text']);
  await page.getByRole('button', { name: 'Restore as deploy/rollback' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore under another name' });
  await dialog.getByLabel('New name').fill('deploy/rollback-before');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(ui.heading()).toHaveText('Roll back a deployment');
  expect(await app.read('deploy/rollback-before.md')).toBe(original);
  expect(await app.read('deploy/rollback.md')).toBe('# Roll back, second text\n');
});

test('delete forever asks first, with Cancel focused, and removes only the trashed file', async ({
  ui,
  app,
  page,
}) => {
  const { trashPath } = await app.engine.delete('deploy/rollback');
  await ui.goTo('Trash');
  await page.getByRole('button', { name: 'Delete forever deploy/rollback' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete forever?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expect(fs.access(app.path(trashPath))).rejects.toThrow();
  expect(await app.read('deploy/rolling-deploy.md')).toContain('Rolling deploy');
});

test('pin and recent show at the top of the library while the search is empty', async ({
  ui,
  page,
}) => {
  const favourites = page.getByRole('navigation', { name: 'Pinned and recent runbooks' });
  await ui.library.openEntry('Roll back a deployment');
  await expect(favourites.getByRole('list', { name: 'Recent' })).toContainText(
    'Roll back a deployment',
  );
  await page.getByRole('button', { name: 'Pin' }).click();
  await expect(page.getByRole('button', { name: 'Pinned' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(favourites.getByRole('list', { name: 'Pinned' })).toContainText(
    'Roll back a deployment',
  );
  await ui.library.find('rollback');
  await expect(favourites).toBeHidden();
  await ui.library.find('');
  // Ctrl+D unpins again, from the keyboard.
  await ui.heading().focus();
  await page.keyboard.press('ControlOrMeta+d');
  await expect(page.getByRole('button', { name: 'Pin' })).toHaveAttribute('aria-pressed', 'false');
  await expect(favourites.getByRole('list', { name: 'Pinned' })).toBeHidden();
});

test('duplicate picks a free name; new from template never overwrites', async ({
  ui,
  app,
  page,
}) => {
  await ui.library.openEntry('Roll back a deployment');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByText('Duplicated as deploy/rollback-copy')).toBeVisible();
  expect(await app.read('deploy/rollback-copy.md')).toBe(await app.read('deploy/rollback.md'));

  await app.write('templates/incident.md', '---\ntitle: Incident\n---\n# Incident {var.what}\n');
  await app.engine.reindex();
  await page.goto(`${app.host.origin}/#/`);
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New from template' });
  await dialog.getByLabel('Template').selectOption('templates/incident');
  await dialog.getByLabel('Name').fill('deploy/rollback');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toContainText('already exists');
  await dialog.getByLabel('Name').fill('incidents/db-down');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(ui.heading()).toHaveText('Incident');
  expect(await app.read('incidents/db-down.md')).toBe(await app.read('templates/incident.md'));
});
