import type { Locator, Page } from '@playwright/test';

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
    this.tree = page.getByRole('listbox', { name: /Runbooks|Search results/ });
    this.newButton = sidebar.getByRole('button', { name: 'New runbook' });
    this.count = sidebar.getByRole('status');
    this.showMore = sidebar.getByRole('button', { name: /Show more/ });
  }

  /** The option the keyboard has chosen. */
  selected(): Locator {
    return this.tree.getByRole('option', { selected: true });
  }

  /** The list only holds the rows on screen: scrolling is how the others come in. */
  async scrollTo(top: number | 'end'): Promise<void> {
    await this.tree.evaluate((list, to) => {
      const viewport = list.parentElement as HTMLElement;
      viewport.scrollTop = to === 'end' ? viewport.scrollHeight : to;
    }, top);
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
    return this.tree.getByRole('option').filter({ hasText: title });
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
