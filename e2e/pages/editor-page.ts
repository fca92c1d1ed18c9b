import type { Locator, Page } from '@playwright/test';

/** The Edit tab: CodeMirror with placeholders, save, and the changed-on-disk choice. */
export class EditorPage {
  readonly text: Locator;
  readonly dirty: Locator;
  readonly conflict: Locator;
  /** The notice shown while the open runbook's file is gone from the folder. */
  readonly removed: Locator;
  readonly saveButton: Locator;

  constructor(private readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Runbook text' });
    this.dirty = page.getByText('● Unsaved changes');
    this.conflict = page.getByRole('alert', { name: 'Changed on disk' });
    this.removed = page.getByRole('alert', { name: 'Removed on disk' });
    this.saveButton = page.getByRole('button', { name: /^Save/ });
  }

  /** The refusal of the last save, kept on screen until the next one. */
  saveError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Not saved. Your text is kept' });
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

  /**
   * Scrolls to the document's end. CodeMirror renders only the lines in view, so text near the end
   * of a long runbook (or a narrow editor, beside the form) is in the page only once scrolled to.
   */
  async showEnd(): Promise<void> {
    await this.text.click();
    await this.page.keyboard.press('ControlOrMeta+End');
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
