import type { Locator, Page } from '@playwright/test';

export class ClaudePage {
  constructor(private readonly page: Page) {}

  card(label: 'Claude Desktop' | 'Cursor' | 'VS Code'): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  plan(label: 'Claude Desktop' | 'Cursor' | 'VS Code'): Locator {
    return this.card(label).getByRole('region', { name: 'Planned change' });
  }
}
