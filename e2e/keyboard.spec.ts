/**
 * The main flows with the keyboard only: no clicks, no fills. Focus must follow the user (the
 * chosen runbook's first empty field, the picker's fill form) or these tests cannot finish.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';

/** Presses `key` until `target` has focus, as a keyboard user would (bounded: a trap fails). */
async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('find → fill → copy: Ctrl+K, type, ↓, Enter lands in the first empty field', async ({
  ui,
  app,
  page,
}) => {
  await page.keyboard.press('ControlOrMeta+k');
  await expect(ui.library.search).toBeFocused();
  await page.keyboard.type('deploy');
  await expect(ui.library.results().first()).toBeVisible();
  // ↓ and ↑ walk the results (the first is chosen as you type); Enter opens the one chosen.
  await page.keyboard.press('ArrowDown');
  await expect(ui.library.selected()).not.toHaveAttribute('aria-posinset', '1');
  const chosen = ui.library.results().filter({ hasText: 'Rolling deploy of a service' });
  for (const key of ['ArrowUp', 'ArrowDown']) {
    for (let i = 0; i < 6 && (await chosen.getAttribute('aria-selected')) !== 'true'; i++) {
      await page.keyboard.press(key);
    }
  }
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(ui.heading()).toHaveText('Rolling deploy of a service');
  // `service` has no default: the first empty field.
  await expect(page.locator('#var-service')).toBeFocused();
  await page.keyboard.type('payments');
  await page.keyboard.press('Tab');
  await expect(page.locator('#var-version')).toBeFocused();
  await page.keyboard.type('2024.07.1');
  await expect(page.getByText('Ready to copy')).toBeVisible();
  await pressUntilFocused(page, 'Tab', page.getByRole('button', { name: 'Copy', exact: true }));
  await page.keyboard.press('Enter');
  await expect(ui.message('Copied the rendered runbook.')).toBeVisible();
  const expected = await app.engine.render('deploy/rolling-deploy', {
    vars: { service: 'payments', version: '2024.07.1' },
  });
  expect(await ui.copied()).toEqual([expected]);
});

test('letters typed right after Ctrl+K land in the search box, however late the next frame', async ({
  ui,
  page,
}) => {
  await expect(ui.library.search).toBeVisible();
  // A busy machine: the next animation frame comes long after the keys.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
  });
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('uptime');
  await expect(ui.library.search).toHaveValue('uptime');
});

test('a runbook whose fields are all filled opens with focus on its title', async ({
  ui,
  app,
  page,
}) => {
  await app.write('ops/uptime.md', '# Check uptime\n\nuptime\n');
  await app.engine.reindex();
  await expect(ui.library.entry('Check uptime')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('uptime');
  await expect(ui.library.results().first()).toContainText('Check uptime');
  await page.keyboard.press('Enter');
  await expect(ui.heading()).toBeFocused();
  await expect(ui.heading()).toHaveText('Check uptime');
});

test('edit → save: into the editor, out with Esc then Tab, and save', async ({ ui, app, page }) => {
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('release test plan');
  await expect(ui.library.results().first()).toContainText('Release test plan');
  await page.keyboard.press('Enter');
  await expect(ui.heading()).toHaveText('Release test plan');
  const views = page.getByRole('navigation', { name: 'Runbook views' });
  await pressUntilFocused(page, 'Shift+Tab', views.getByRole('link', { name: 'Edit' }));
  await page.keyboard.press('Enter');
  await expect(ui.editor.text).toBeVisible();
  // The editor says how to leave it; Tab itself indents.
  await expect(page.getByText('Esc then Tab leaves the editor')).toBeVisible();
  await pressUntilFocused(page, 'Tab', ui.editor.text);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nChecked by keyboard.');
  await expect(ui.editor.dirty).toBeVisible();
  // Escape first closes whatever the editor has open (a completion, a lint tooltip that showed up
  // under load); the next Escape then lets Shift+Tab leave. Focus must leave the editor.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await expect(ui.editor.text).not.toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await pressUntilFocused(page, 'Shift+Tab', ui.editor.saveButton);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  expect(await app.read('testing/release-test-plan.md')).toMatch(/\nChecked by keyboard\.\n?$/);
});

test('picker → fill: Enter lands in the fill form, Escape goes back to the picker', async ({
  ui,
  app,
  page,
}) => {
  await page.goto(`${app.host.origin}/#/picker`);
  const search = page.getByRole('combobox', { name: 'Find a runbook' });
  await expect(search).toBeFocused();
  await page.keyboard.type('rolling deploy');
  await expect(page.getByRole('option').first()).toContainText('Rolling deploy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Rolling deploy of a service' })).toBeVisible();
  await expect(page.locator('#var-service')).toBeFocused();
  await page.keyboard.type('checkout');
  await page.keyboard.press('Tab');
  await page.keyboard.type('5');
  await pressUntilFocused(page, 'Tab', page.getByRole('button', { name: 'Copy', exact: true }));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await ui.copied()).length).toBe(1);
  expect((await ui.copied())[0]).toContain('set image deploy/checkout');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/picker$/);
  await expect(search).toBeFocused();
});

test('delete by keyboard names the runbook it moved to .trash', async ({ ui, page }) => {
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('roll back a deployment');
  await expect(ui.library.results().first()).toContainText('Roll back a deployment');
  await page.keyboard.press('Enter');
  await expect(ui.heading()).toHaveText('Roll back a deployment');
  await pressUntilFocused(page, 'Shift+Tab', page.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  await expect(ui.message('Moved deploy/rollback to .trash')).toBeVisible();
});

test('the quick picker is a Tab away in the browser, with a way back', async ({ ui, page }) => {
  await pressUntilFocused(page, 'Tab', page.getByRole('link', { name: 'Quick picker' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Find a runbook' })).toBeFocused();
  await pressUntilFocused(page, 'Tab', page.getByRole('link', { name: 'Back to the app' }));
  await page.keyboard.press('Enter');
  await expect(ui.library.tree).toBeVisible();
});

test('"Collapse all" closes every folder and "Expand all" opens them again', async ({ ui }) => {
  const collapse = ui.page.getByRole('button', { name: 'Collapse all' });
  await pressUntilFocused(ui.page, 'Tab', collapse);
  await ui.page.keyboard.press('Enter');
  await expect(ui.library.folder('deploy')).toHaveAttribute('aria-expanded', 'false');
  await expect(ui.library.entry('Rolling deploy of a service')).toHaveCount(0);
  // Runbooks at the top of the folder stay in view.
  await expect(ui.library.entry('Getting started')).toBeVisible();
  await ui.page.getByRole('button', { name: 'Expand all' }).press('Enter');
  await expect(ui.library.entry('Rolling deploy of a service')).toBeVisible();
});
