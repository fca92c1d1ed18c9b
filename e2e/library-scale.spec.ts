import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { RunbookApp } from './pages/runbook-app.js';
import { repoRoot } from './support/paths.js';
import { expect, test, type AppSession } from './support/fixtures.js';

// 40 folders of 50: enough that rendering every row would be slow, small enough to write quickly.
const FOLDERS = 40;
const PER_FOLDER = 50;
const GENERATED = FOLDERS * PER_FOLDER;
/** The bundled examples the session's folder starts with (counted, so a new example needs no edit). */
const BUNDLED = readdirSync(path.join(repoRoot, 'runbooks'), { recursive: true }).filter((f) =>
  /\.(md|markdown|txt)$/i.test(String(f)),
).length;
/** Every 16th generated runbook mentions "zebrafish": 125 distinct results. */
const ZEBRAFISH = GENERATED / 16;
/** Files with the same text: the search shows one of them and counts the others. */
const COPIES = ['copies/a.md', 'copies/b.md', 'copies/c.md'];

const pad = (n: number) => String(n).padStart(4, '0');

async function writeBigFolder(app: AppSession): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let i = 0; i < GENERATED; i++) {
    const folder = `bulk/group-${pad(Math.floor(i / PER_FOLDER))}`;
    const extra = i % 16 === 0 ? 'Watch the zebrafish tank.' : 'Nothing special.';
    const text = `---\ntitle: Bulk runbook ${pad(i)}\n---\nStep ${i} of the bulk procedure. ${extra}\n`;
    writes.push(app.write(`${folder}/runbook-${pad(i)}.md`, text));
  }
  const copy = '---\ntitle: Duplicated okapi check\n---\nLook at the okapi enclosure.\n';
  for (const file of COPIES) writes.push(app.write(file, copy));
  await Promise.all(writes);
  await app.engine.reindex();
}

/** The big folder, its folders opened (a folder this size opens with them closed). */
async function openBig(app: AppSession, page: Page): Promise<RunbookApp> {
  await writeBigFolder(app);
  const ui = new RunbookApp(page);
  await ui.open(app.host.url);
  const total = GENERATED + BUNDLED + COPIES.length;
  await expect(ui.library.count).toHaveText(`${total.toLocaleString('en-US')} runbooks`);
  await page.getByRole('button', { name: 'Expand all' }).click();
  return ui;
}

test('a folder of 2,000 runbooks opens with its folders closed', async ({ app, page }) => {
  await writeBigFolder(app);
  const ui = new RunbookApp(page);
  await ui.open(app.host.url);
  const tree = page.getByRole('tree', { name: 'Runbooks' });
  await expect(tree.getByRole('treeitem', { name: 'bulk' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  // Top-level folders and runbooks only: nothing inside a folder is shown.
  for (const level of await tree
    .getByRole('treeitem')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-level'))))
    expect(level).toBe('1');
  await tree.getByRole('treeitem', { name: 'bulk' }).click();
  await expect(tree.getByRole('treeitem', { name: 'group-0000' })).toBeVisible();
});

/** Scrolls the list from top to bottom a screen at a time; returns every aria-posinset seen. */
function positionsSeenWhileScrolling(page: Page): Promise<number[]> {
  return page.getByRole('tree', { name: 'Runbooks' }).evaluate(async (list) => {
    const viewport = list.parentElement as HTMLElement;
    const frame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));
    const seen = new Set<number>();
    for (let top = 0; top < viewport.scrollHeight; top += viewport.clientHeight / 2) {
      viewport.scrollTop = top;
      await frame();
      await frame();
      for (const option of list.querySelectorAll('[role="treeitem"][aria-posinset]')) {
        seen.add(Number(option.getAttribute('aria-posinset')));
      }
    }
    return [...seen].sort((a, b) => a - b);
  });
}

test('a folder of 2,000 runbooks shows a screenful of rows, and scrolling reaches every one', async ({
  app,
  page,
}) => {
  test.slow();
  const ui = await openBig(app, page);
  const total = GENERATED + BUNDLED + COPIES.length;
  const options = ui.library.runbooks();
  expect(await options.count()).toBeLessThan(100);
  await expect(options.first()).toHaveAttribute('aria-setsize', String(total));
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(1000);

  const seen = await positionsSeenWhileScrolling(page);
  expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  // Still a screenful after all that scrolling.
  expect(await options.count()).toBeLessThan(100);
});

test('the keyboard walks the whole tree, scrolling the choice into view', async ({ app, page }) => {
  test.slow();
  const ui = await openBig(app, page);
  const total = GENERATED + BUNDLED + COPIES.length;
  await ui.library.search.focus();
  // ↑ with nothing chosen goes to the last runbook, far below the first screen.
  await ui.library.search.press('ArrowUp');
  await expect(ui.library.selected()).toHaveAttribute('aria-posinset', String(total));
  await expect(ui.library.selected()).toBeInViewport();
  for (let i = 0; i < 60; i++) await ui.library.search.press('ArrowUp');
  await expect(ui.library.selected()).toHaveAttribute('aria-posinset', String(total - 60));
  await expect(ui.library.selected()).toBeInViewport();
  const chosen = await ui.library.selected().locator('.label').textContent();
  await ui.library.search.press('Enter');
  await expect(ui.heading()).toHaveText(chosen ?? '');
  // Back at the top, ↓ from the first runbook of the tree moves on to the second.
  await ui.library.scrollTo(0);
  await ui.library.entry('Bulk runbook 0000').click();
  await ui.library.search.focus();
  await ui.library.search.press('ArrowDown');
  await expect(ui.library.selected()).toContainText('Bulk runbook 0001');
});

test('search shows how many were found, and "Show more" loads the rest', async ({ app, page }) => {
  const ui = await openBig(app, page);
  await ui.library.find('zebrafish');
  await expect(ui.library.count).toHaveText(`${ZEBRAFISH} found`);
  await expect(ui.library.showMore).toHaveText(`Show more (50 of ${ZEBRAFISH})`);
  await ui.library.showMore.click();
  await expect(ui.library.showMore).toHaveText(`Show more (100 of ${ZEBRAFISH})`);
  await ui.library.showMore.click();
  await expect(ui.library.showMore).toHaveCount(0);
  // All 125 are in the list; only those on screen are in the page.
  await ui.library.scrollTo('end');
  await expect(ui.library.results().last()).toHaveAttribute('aria-posinset', String(ZEBRAFISH));
  expect(await ui.library.results().count()).toBeLessThan(60);
});

test('identical copies are one result that names how many more there are', async ({
  app,
  page,
}) => {
  const ui = await openBig(app, page);
  await ui.library.find('okapi');
  await expect(ui.library.count).toHaveText('1 found');
  await expect(ui.library.results()).toHaveCount(1);
  await expect(ui.library.results().first()).toContainText('and 2 identical copies');
});

test('clearing a search brings the tree back where it was scrolled', async ({ app, page }) => {
  const ui = await openBig(app, page);
  await ui.library.scrollTo(30_000);
  const top = await ui.library.scrollTop();
  expect(top).toBeGreaterThan(20_000);
  const shown = await ui.library.rowInView();
  await ui.library.find('zebrafish');
  await expect(ui.library.count).toHaveText(`${ZEBRAFISH} found`);
  await ui.library.search.fill('');
  await expect(ui.library.count).toHaveText(/runbooks$/);
  await expect(ui.library.entry(shown)).toBeInViewport();
  expect(await ui.library.scrollTop()).toBe(top);
});

test('the picker lists every runbook, windowed', async ({ app, page }) => {
  await writeBigFolder(app);
  const ui = new RunbookApp(page);
  await ui.open(app.host.url);
  await page.goto(`${app.host.origin}/#/picker`);
  const list = page.getByRole('listbox', { name: 'Runbooks' });
  await expect(list.getByRole('option').first()).toHaveAttribute(
    'aria-setsize',
    String(GENERATED + BUNDLED + COPIES.length),
  );
  expect(await list.getByRole('option').count()).toBeLessThan(60);
});
