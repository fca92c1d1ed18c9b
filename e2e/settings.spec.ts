import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';

test('Settings switches to another runbook folder, and refuses one that is not there', async ({
  ui,
  page,
}) => {
  const other = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-e2e-other-'));
  try {
    await fs.mkdir(path.join(other, 'db'));
    await fs.writeFile(
      path.join(other, 'db', 'vacuum.md'),
      '---\ntitle: Vacuum the orders table\n---\n# Vacuum\n',
    );
    await ui.goTo('Settings');
    const field = page.getByLabel('Runbook folder');
    const use = page.getByRole('button', { name: 'Use this folder' });

    await field.fill(path.join(other, 'missing'));
    await use.click();
    await expect(page.getByRole('alert')).toContainText(path.join(other, 'missing'));
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.fill(other);
    await use.click();
    await expect(ui.message(other)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await ui.goTo('Runbooks');
    await expect(ui.library.entry('Vacuum the orders table')).toBeVisible();
    await expect(ui.library.entry('Rolling deploy of a service')).toHaveCount(0);
  } finally {
    await fs.rm(other, { recursive: true, force: true });
  }
});
