import { expect, test } from './support/fixtures.js';

const HOSTILE = `---
title: Hostile preview
---
# Check {var.service}

<img src=x onerror="window.__pwned = 'img'">

<script>window.__pwned = 'script'</script>

[click me](javascript:window.__pwned='link') and [docs](https://example.com/docs)

- one **bold**
- \`kubectl get {var.service}\`

<a href="javascript:window.__pwned='a'">raw</a> <iframe src="https://example.com"></iframe>
`;

test('the preview renders Markdown with placeholders marked, and no runbook HTML runs', async ({
  ui,
  app,
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.write('hostile.md', HOSTILE);
  await page.reload();
  await ui.library.openEntry('Hostile preview');
  const views = page.getByRole('group', { name: 'Show the preview as' });
  await views.getByRole('button', { name: 'Rendered' }).click();
  const preview = page.getByRole('region', { name: 'Rendered preview' });

  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('Check {var.service}');
  await expect(preview.locator('h2 mark.unresolved')).toHaveText('{var.service}');
  await expect(preview.locator('li code mark.unresolved')).toHaveText('{var.service}');
  await expect(preview.locator('li strong')).toHaveText('bold');
  await expect(preview.getByRole('link')).toHaveCount(1);
  await expect(preview.getByRole('link', { name: 'docs' })).toHaveAttribute(
    'href',
    'https://example.com/docs',
  );
  // Raw HTML is shown as the text it is: no element of it exists, nothing of it ran.
  await expect(preview).toContainText('<img src=x onerror=');
  await expect(preview).toContainText('<script>');
  await expect(
    preview.locator('img, script, iframe, [onerror], a[href^="javascript"]'),
  ).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe(
    undefined,
  );
  await preview.getByText('click me').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe(
    undefined,
  );
  expect(dialogs).toEqual([]);

  // The choice is remembered; Text shows the raw text again.
  await page.reload();
  await expect(preview.getByRole('heading', { level: 2 })).toBeVisible();
  await views.getByRole('button', { name: 'Text' }).click();
  await expect(page.locator('pre.preview')).toContainText('# Check {var.service}');
});
