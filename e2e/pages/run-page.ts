import type { Locator, Page } from '@playwright/test';

/** The Run tab: one field per variable, a profile, the live preview, and the copy buttons. */
export class RunPage {
  readonly preview: Locator;
  readonly unresolved: Locator;
  readonly profile: Locator;

  constructor(private readonly page: Page) {
    this.preview = page.getByLabel('Rendered preview');
    this.unresolved = this.preview.locator('mark.unresolved');
    this.profile = page.getByLabel('Env profile');
  }

  field(variable: string): Locator {
    return this.page
      .getByRole('form', { name: 'Variables' })
      .getByLabel(variable, { exact: false })
      .first();
  }

  async fill(variable: string, value: string): Promise<void> {
    const field = this.page.locator(`#var-${variable}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }

  async copy(): Promise<void> {
    await this.page.getByRole('button', { name: 'Copy', exact: true }).click();
  }

  async copyAsPrompt(): Promise<void> {
    await this.page.getByRole('button', { name: 'Copy as Claude prompt' }).click();
  }
}
