import type { Locator, Page } from '@playwright/test';

/** The Edit tab: CodeMirror with placeholders, save, and the changed-on-disk choice. */
export class EditorPage {
  readonly text: Locator;
  readonly dirty: Locator;
  readonly conflict: Locator;

  constructor(private readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Runbook text' });
    this.dirty = page.getByText('● Unsaved changes');
    this.conflict = page.getByRole('alert', { name: 'Changed on disk' });
  }

  async show(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Runbook views' })
      .getByRole('link', { name: 'Edit' })
      .click();
    await this.text.waitFor();
  }

  /** Types at the end of the document, as a user would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.text.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  async typeAt(line: number, text: string): Promise<void> {
    await this.text
      .locator('.cm-line')
      .nth(line - 1)
      .click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(text);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
  }

  completions(): Locator {
    return this.page.locator('.cm-tooltip-autocomplete [role="option"]');
  }

  lintErrors(): Locator {
    return this.text.locator('.cm-lintRange-error');
  }

  async keepMine(): Promise<void> {
    await this.conflict.getByRole('button', { name: 'Keep my version' }).click();
  }

  async takeDisk(): Promise<void> {
    await this.conflict.getByRole('button', { name: 'Use the version on disk' }).click();
  }
}
