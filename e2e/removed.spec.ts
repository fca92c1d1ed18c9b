/**
 * The open runbook's file goes away on disk: the editor keeps the text, says so, clears the notice
 * when the file comes back, and Save writes the text back. A save the server refuses keeps the text.
 */
import { promises as fs } from 'node:fs';
import { expect, test } from './support/fixtures.js';

const FILE = 'deploy/rollback.md';

test.beforeEach(async ({ ui }) => {
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
});

test('a removed file is announced, and the notice clears when it comes back', async ({
  ui,
  app,
}) => {
  const text = await app.read(FILE);
  await fs.rm(app.path(FILE));
  await expect(ui.editor.removed).toBeVisible();
  await expect(ui.editor.removed).toContainText(FILE);
  await expect(ui.editor.saveButton).toBeEnabled();
  await app.write(FILE, text);
  await expect(ui.editor.removed).toHaveCount(0);
  await expect(ui.editor.saveButton).toBeDisabled();
  await expect(ui.page.getByText('Saved', { exact: true })).toBeVisible();
});

test('a removed file that comes back changed, under unsaved edits, shows both versions', async ({
  ui,
  app,
}) => {
  await ui.editor.typeAtEnd('\nMy unsaved note.\n');
  await fs.rm(app.path(FILE));
  await expect(ui.editor.removed).toBeVisible();
  await app.write(FILE, 'Rewritten elsewhere.\n');
  await expect(ui.editor.removed).toHaveCount(0);
  await expect(ui.editor.conflict).toContainText('Rewritten elsewhere.');
  await expect(ui.editor.text).toContainText('My unsaved note.');
  expect(await app.read(FILE)).toBe('Rewritten elsewhere.\n');
});

test('Save brings a removed file back with the text in the editor', async ({ ui, app }) => {
  await fs.rm(app.path(FILE));
  await expect(ui.editor.removed).toBeVisible();
  await ui.editor.typeAtEnd('\nWritten back from the editor.\n');
  await ui.editor.saveButton.click();
  await expect(ui.message(`Saved ${FILE}`)).toBeVisible();
  await expect(ui.editor.removed).toHaveCount(0);
  await expect(ui.editor.dirty).toHaveCount(0);
  expect(await app.read(FILE)).toContain('Written back from the editor.');
  await expect(ui.library.entry('Roll back a deployment')).toBeVisible();
});

test('the text of a removed file counts as unsaved: leaving it asks', async ({ ui, app }) => {
  await fs.rm(app.path(FILE));
  await expect(ui.editor.removed).toBeVisible();
  await ui.library.openEntry(/Incident triage/);
  await expect(ui.discardDialog()).toContainText('deploy/rollback');
  await ui.answerDiscard('Keep editing');
  await expect(ui.editor.removed).toBeVisible();
});

test('a save refused because the file is not UTF-8 says why and keeps the text', async ({
  ui,
  app,
}) => {
  // Latin-1 "café": the app shows U+FFFD for the byte 0xE9, and must never write that back.
  const bytes = Buffer.from('# Notes\ncaf\xe9 au lait\n', 'latin1');
  await fs.writeFile(app.path('latin1.md'), bytes);
  await expect(ui.library.entry(/Notes/)).toBeVisible();
  await ui.library.openEntry(/Notes/);
  await ui.editor.typeAtEnd('\nMy edit.\n');
  await ui.editor.save();
  await expect(ui.editor.saveError()).toContainText('not valid UTF-8');
  await expect(ui.editor.text).toContainText('My edit.');
  await expect(ui.editor.dirty).toBeVisible();
  expect(await fs.readFile(app.path('latin1.md'))).toEqual(bytes);
});
