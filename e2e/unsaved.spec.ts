/**
 * No editor drops typed text silently: every way of leaving an editor with unsaved edits asks
 * first, "Keep editing" keeps the text, "Discard changes" drops it, and the file is never touched.
 */
import type { Page } from '@playwright/test';
import type { RunbookApp } from './pages/runbook-app.js';
import { expect, test } from './support/fixtures.js';

const NOTE = '\n# my unsaved note\n';

async function editEnv(ui: RunbookApp): Promise<void> {
  await ui.goTo('Environment');
  await expect(ui.env.text).toContainText('staging-eu1');
  await ui.env.typeAtEnd(NOTE);
  await expect(ui.env.dirty).toBeVisible();
}

/** Ways to leave env.yaml; each names the env tab shown after "Discard changes" (or none). */
const leaveEnv: { why: string; leave: (ui: RunbookApp) => Promise<void>; lands: RegExp }[] = [
  {
    why: 'switching to a profile file replaces the text',
    leave: (ui) => ui.env.file('env.production.yaml').click(),
    lands: /#\/env\/production$/,
  },
  {
    why: 'another section of the app unmounts the env editor',
    leave: (ui) => ui.goTo('Runbooks'),
    lands: /#\/$/,
  },
  {
    why: 'opening a runbook from the address bar is navigation too',
    leave: async (ui) => {
      await ui.page.evaluate(() => (location.hash = '#/runbook/deploy%2Frollback/run'));
    },
    lands: /#\/runbook\/deploy%2Frollback\/run$/,
  },
  {
    why: 'the Back button is navigation too',
    leave: (ui) => ui.page.goBack().then(() => undefined),
    lands: /#\/$/,
  },
];

for (const row of leaveEnv) {
  test(`env editor: ${row.why}: asks, "Keep editing" keeps the text`, async ({ ui, app }) => {
    const before = await app.read('env.yaml');
    await editEnv(ui);
    await row.leave(ui);
    await expect(ui.discardDialog()).toBeVisible();
    await expect(ui.discardDialog()).toContainText('env.yaml');
    await ui.answerDiscard('Keep editing');
    await expect(ui.discardDialog()).toHaveCount(0);
    await expect(ui.env.text).toContainText('# my unsaved note');
    await expect(ui.env.current()).toHaveText('env.yaml');
    expect(ui.page.url()).toMatch(/#\/env$/);
    expect(await app.read('env.yaml')).toBe(before);
  });

  test(`env editor: ${row.why}: "Discard changes" drops the text`, async ({ ui, app }) => {
    const before = await app.read('env.yaml');
    await editEnv(ui);
    await row.leave(ui);
    await ui.answerDiscard('Discard changes');
    await expect(ui.discardDialog()).toHaveCount(0);
    await expect(ui.page).toHaveURL(row.lands);
    await ui.goTo('Environment');
    await expect(ui.env.text).toContainText('staging-eu1');
    await expect(ui.env.text).not.toContainText('# my unsaved note');
    await expect(ui.env.dirty).toHaveCount(0);
    expect(await app.read('env.yaml')).toBe(before);
  });
}

test('env editor: the question starts on "Keep editing", and Escape keeps the text', async ({
  ui,
}) => {
  await editEnv(ui);
  await ui.env.file('env.production.yaml').click();
  // The safe answer has the focus: Enter or Escape keeps the text.
  await expect(ui.discardDialog().getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await ui.page.keyboard.press('Escape');
  await expect(ui.discardDialog()).toHaveCount(0);
  await expect(ui.env.text).toContainText('# my unsaved note');
});

test('env editor: once saved, leaving does not ask', async ({ ui, app }) => {
  await editEnv(ui);
  await ui.env.saveButton.click();
  await expect(ui.message('Saved env.yaml')).toBeVisible();
  await ui.env.file('env.production.yaml').click();
  await expect(ui.env.text).toContainText('prod-eu1');
  await expect(ui.discardDialog()).toHaveCount(0);
  expect(await app.read('env.yaml')).toContain('# my unsaved note');
});

test('env editor: a change on disk while editing shows both versions', async ({ ui, app }) => {
  await editEnv(ui);
  const disk = `${await app.read('env.yaml')}# their note\n`;
  await app.write('env.yaml', disk);
  await expect(ui.env.conflict).toBeVisible();
  await expect(ui.env.conflict).toContainText('# their note');
  await expect(ui.env.text).toContainText('# my unsaved note');
  expect(await app.read('env.yaml')).toBe(disk);
});

test('runbook editor: opening another runbook asks the same question', async ({ ui, app }) => {
  const before = await app.read('deploy/rollback.md');
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
  await ui.editor.typeAtEnd('\nMy unsaved note.\n');
  await ui.library.openEntry(/Incident triage/);
  await expect(ui.discardDialog()).toContainText('deploy/rollback');
  await ui.answerDiscard('Keep editing');
  await expect(ui.editor.text).toContainText('My unsaved note.');
  await ui.library.openEntry(/Incident triage/);
  await ui.answerDiscard('Discard changes');
  await expect(ui.heading()).toContainText('Incident triage');
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.showEnd();
  await expect(ui.editor.text).not.toContainText('My unsaved note.');
  expect(await app.read('deploy/rollback.md')).toBe(before);
});

/** Closing the page with unsaved text raises the browser's own leave-page prompt. */
async function closeAsks(page: Page): Promise<boolean> {
  // Resolves false when the page closes (or stays) without a prompt.
  const asked = page.waitForEvent('dialog', { timeout: 3000 }).then(
    async (dialog) => {
      await dialog.dismiss();
      return dialog.type() === 'beforeunload';
    },
    () => false,
  );
  await page.close({ runBeforeUnload: true });
  return asked;
}

test('closing the page with an unsaved env file asks the browser to confirm', async ({ ui }) => {
  await editEnv(ui);
  expect(await closeAsks(ui.page)).toBe(true);
});

test('closing the page with an unsaved runbook asks the browser to confirm', async ({ ui }) => {
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
  await ui.editor.typeAtEnd('\nMy unsaved note.\n');
  expect(await closeAsks(ui.page)).toBe(true);
});

test('closing the page with nothing unsaved does not ask', async ({ ui }) => {
  await ui.goTo('Environment');
  await ui.env.text.click();
  expect(await closeAsks(ui.page)).toBe(false);
});
