import { expect, test } from './support/fixtures.js';

test.beforeEach(async ({ ui }) => {
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
  await ui.editor.typeAtEnd('\nMy unsaved note.\n');
  await expect(ui.editor.dirty).toBeVisible();
});

async function changeOnDisk(app: {
  read(p: string): Promise<string>;
  write(p: string, t: string): Promise<void>;
}) {
  const disk = `${await app.read('deploy/rollback.md')}\nTheir note, saved elsewhere.\n`;
  await app.write('deploy/rollback.md', disk);
  return disk;
}

test('a change on disk while editing shows both versions and overwrites nothing', async ({
  ui,
  app,
}) => {
  const disk = await changeOnDisk(app);
  await expect(ui.editor.conflict).toBeVisible();
  await expect(ui.editor.conflict).toContainText('Their note, saved elsewhere.');
  await expect(ui.editor.conflict).toContainText('My unsaved note.');
  expect(await app.read('deploy/rollback.md')).toBe(disk);
  await expect(ui.editor.text).toContainText('My unsaved note.');
});

test('"Keep my version" writes the editor text over the disk version', async ({ ui, app }) => {
  await changeOnDisk(app);
  await ui.editor.keepMine();
  await expect(ui.editor.conflict).toHaveCount(0);
  await expect(ui.editor.dirty).toHaveCount(0);
  const saved = await app.read('deploy/rollback.md');
  expect(saved).toContain('My unsaved note.');
  expect(saved).not.toContain('Their note');
});

test('"Use the version on disk" drops the unsaved edit', async ({ ui, app }) => {
  const disk = await changeOnDisk(app);
  await ui.editor.takeDisk();
  await expect(ui.editor.conflict).toHaveCount(0);
  await ui.editor.showEnd();
  await expect(ui.editor.text).toContainText('Their note, saved elsewhere.');
  await expect(ui.editor.text).not.toContainText('My unsaved note.');
  expect(await app.read('deploy/rollback.md')).toBe(disk);
});

test('saving over a change the watcher has not reported yet is refused, not silent', async ({
  ui,
  app,
}) => {
  // Written and saved in the same moment: the save itself detects it (baseMtimeMs).
  await app.engine.save('deploy/rollback', 'Replaced by a script.\n');
  await ui.editor.save();
  await expect(ui.editor.conflict).toBeVisible();
  expect(await app.read('deploy/rollback.md')).toBe('Replaced by a script.\n');
});
