import type { Locator, Page } from '@playwright/test';

export class EnvPage {
  readonly text: Locator;
  readonly saveButton: Locator;

  constructor(private readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Env file text' });
    this.saveButton = page.getByRole('button', { name: /^Save/ });
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
