import { promises as fs } from 'node:fs';
import { expect, test } from './support/fixtures.js';

/** The watcher debounces ~100 ms; the promise is "within a second". */
const WITHIN_A_SECOND = { timeout: 1000 };

test('a runbook added outside the app shows up within a second', async ({ ui, app }) => {
  await app.write('ops/flush-cache.md', '---\ntitle: Flush the CDN cache\n---\ncurl -X POST …\n');
  await expect(ui.library.entry('Flush the CDN cache')).toBeVisible(WITHIN_A_SECOND);
});

test('a runbook removed outside the app disappears within a second', async ({ ui, app }) => {
  await fs.rm(app.path('incidents/triage.md'));
  await expect(ui.library.entry(/Incident triage/)).toHaveCount(0, WITHIN_A_SECOND);
});

test('the open runbook, unedited, reloads when its file changes on disk', async ({ ui, app }) => {
  await ui.library.openEntry('Roll back a deployment');
  await ui.editor.show();
  const text = (await app.read('deploy/rollback.md')).replace('# ', '# Edited elsewhere: ');
  await app.write('deploy/rollback.md', text);
  await expect(ui.editor.text).toContainText('Edited elsewhere:', WITHIN_A_SECOND);
  await expect(ui.editor.dirty).toHaveCount(0);
});

test('a changed env.yaml reaches the preview', async ({ ui, app }) => {
  await ui.library.openEntry('Rolling deploy of a service');
  await ui.run.fill('service', 'checkout');
  await ui.run.fill('version', '1');
  await expect(ui.run.preview).toContainText('staging-eu1');
  await app.write(
    'env.yaml',
    (await app.read('env.yaml')).replace('name: staging-eu1', 'name: staging-eu9'),
  );
  await expect(ui.run.preview).toContainText('staging-eu9', { timeout: 2000 });
});
