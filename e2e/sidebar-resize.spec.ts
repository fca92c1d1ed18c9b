import { expect, test } from './support/fixtures.js';

test('the sidebar resizes by keyboard and by dragging, and keeps its width', async ({
  ui,
  page,
}) => {
  await ui.library.tree.waitFor();
  const handle = page.getByRole('separator', { name: 'Resize the library' });
  const sidebar = page.getByRole('complementary', { name: 'Runbook library' });
  await expect(handle).toHaveAttribute('aria-valuenow', '300');
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '332');
  expect(Math.round((await sidebar.boundingBox())?.width ?? 0)).toBe(332);
  await page.keyboard.press('Home');
  await expect(handle).toHaveAttribute('aria-valuenow', '200');

  const box = await handle.boundingBox();
  if (!box) throw new Error('the handle is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', '350');

  await page.reload();
  await expect(handle).toHaveAttribute('aria-valuenow', '350');
});
