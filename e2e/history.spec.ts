import { execFileSync } from 'node:child_process';
import { expect, test } from './support/fixtures.js';

/** Commits the served folder as a git repository would hold it. */
function commitAll(folder: string, subject: string, date: string): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: folder };
  const dated = { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '-A'], { cwd: folder, env });
  const who = ['-c', 'user.name=Ann', '-c', 'user.email=ann@example.com'];
  execFileSync('git', [...who, 'commit', '-q', '-m', subject], { cwd: folder, env: dated });
}

test('History lists the versions, diffs one against the editor, and restores it unsaved', async ({
  app,
  ui,
  page,
}) => {
  const file = 'deploy/rollback.md';
  const original = await app.read(file);
  execFileSync('git', ['init', '-q'], { cwd: app.folder });
  commitAll(app.folder, 'Add the runbooks', '2026-01-01T10:00:00Z');
  await app.write(file, `${original}\nAlso check the dashboards.\n`);
  commitAll(app.folder, 'Mention the dashboards', '2026-01-02T10:00:00Z');

  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
  const history = page.getByRole('group', { name: 'History' });
  await history.getByText('History', { exact: true }).click();
  const versions = history
    .getByRole('list', { name: 'Versions, newest first' })
    .getByRole('button');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Mention the dashboards');
  await expect(versions.nth(1)).toContainText('Ann · ');

  await versions.nth(1).click();
  const diff = history.getByRole('region', { name: /Differences/ });
  const added = diff.locator('.row.added').filter({ hasText: 'Also check the dashboards.' });
  await expect(added).toHaveCount(1);
  await expect(diff.locator('.row.removed')).toHaveCount(0);

  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(ui.editor.dirty).toBeVisible();
  await ui.editor.showEnd();
  await expect(ui.editor.text).not.toContainText('Also check the dashboards.');
  // Nothing is written until the user saves.
  expect(await app.read(file)).toBe(`${original}\nAlso check the dashboards.\n`);
  await ui.editor.save();
  await expect.poll(() => app.read(file)).toBe(original);
  await expect(ui.editor.dirty).toHaveCount(0);
});

test('without a git repository, History says why and what to do', async ({ ui, page }) => {
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
  const history = page.getByRole('group', { name: 'History' });
  await history.getByText('History', { exact: true }).click();
  await expect(history.getByRole('alert')).toContainText('not in a git repository');
  await expect(history.getByRole('alert')).toContainText('git init');
});
