import type { Locator, Page } from '@playwright/test';

export class LibraryPage {
  readonly search: Locator;
  readonly tree: Locator;
  readonly newButton: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByRole('combobox', { name: 'Search runbooks' });
    this.tree = page.getByRole('listbox', { name: /Runbooks|Search results/ });
    this.newButton = page
      .getByRole('complementary', { name: 'Runbook library' })
      .getByRole('button', { name: 'New runbook' });
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
