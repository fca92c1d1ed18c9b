import type { Locator, Page } from '@playwright/test';

const RUNBOOK_ROWS = '[role="treeitem"]:not([aria-expanded]), [role="option"]';

export class LibraryPage {
  readonly search: Locator;
  readonly tree: Locator;
  readonly newButton: Locator;
  /** "6 runbooks", "125 found". */
  readonly count: Locator;
  readonly showMore: Locator;

  constructor(private readonly page: Page) {
    const sidebar = page.getByRole('complementary', { name: 'Runbook library' });
    this.search = page.getByRole('combobox', { name: 'Search runbooks' });
    // The folder is a tree; a search shows a listbox of results in its place.
    this.tree = page
      .getByRole('tree', { name: 'Runbooks' })
      .or(page.getByRole('listbox', { name: 'Search results' }));
    this.newButton = sidebar.getByRole('button', { name: 'New runbook' });
    this.count = sidebar.getByRole('status');
    this.showMore = sidebar.getByRole('button', { name: /Show more/ });
  }

  /** The runbook rows (tree items that are not folders, or search results). */
  runbooks(): Locator {
    return this.tree.locator(RUNBOOK_ROWS);
  }

  /** A folder row of the tree. */
  folder(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** The runbook the keyboard has chosen. */
  selected(): Locator {
    return this.runbooks().and(this.page.locator('[aria-selected="true"]'));
  }

  /** The list only holds the rows on screen: scrolling is how the others come in. */
  async scrollTo(top: number | 'end'): Promise<void> {
    await this.tree.evaluate((list, to) => {
      const viewport = list.parentElement as HTMLElement;
      viewport.scrollTop = to === 'end' ? viewport.scrollHeight : to;
    }, top);
    await this.rowInView();
  }

  /**
   * The text of the runbook row in the middle of those wholly on screen. The list draws the rows
   * of a new scroll position in a later frame, so it waits for them (a slow machine takes longer).
   */
  async rowInView(): Promise<string> {
    return this.tree.evaluate(async (list, selector) => {
      const viewport = (list.parentElement as HTMLElement).getBoundingClientRect();
      for (let frame = 0; frame < 600; frame++) {
        const inside = [...list.querySelectorAll(selector)].filter((row) => {
          const box = row.getBoundingClientRect();
          return box.top >= viewport.top && box.bottom <= viewport.bottom;
        });
        const middle = inside[Math.floor(inside.length / 2)];
        if (middle) return middle.textContent ?? '';
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      throw new Error('No runbook row came on screen in the library list.');
    }, RUNBOOK_ROWS);
  }

  async scrollTop(): Promise<number> {
    return this.tree.evaluate((list) => (list.parentElement as HTMLElement).scrollTop);
  }

  async find(query: string): Promise<void> {
    await this.search.fill(query);
  }

  results(): Locator {
    return this.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  }

  entry(title: string | RegExp): Locator {
    return this.runbooks().filter({ hasText: title });
  }

  async openEntry(title: string | RegExp): Promise<void> {
    await this.entry(title).first().click();
  }

  async create(name: string): Promise<void> {
    await this.newButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'New runbook' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
  }
}
