import type { Locator, Page } from '@playwright/test';

export class EnvPage {
  readonly text: Locator;
  readonly saveButton: Locator;
  readonly dirty: Locator;
  readonly conflict: Locator;

  constructor(private readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Env file text' });
    this.saveButton = page.getByRole('button', { name: /^Save/ });
    this.dirty = page.getByText('● Unsaved changes');
    this.conflict = page.getByRole('alert', { name: 'Changed on disk' });
  }

  /** The env file tab that is shown now (env.yaml or a profile's). */
  current(): Locator {
    return this.page
      .getByRole('navigation', { name: 'Env files' })
      .locator('a[aria-current="page"]');
  }

  /** Types at the end of the text, as a user would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.text.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.insertText(text);
  }

  file(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Env files' }).getByRole('link', { name });
  }

  problem(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /YAML|mapping/ });
  }

  async replaceText(text: string): Promise<void> {
    await this.text.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    // Typing YAML would auto-indent and auto-close; inserting keeps it exact.
    await this.page.keyboard.insertText(text);
  }
}
