import type { Locator, Page } from '@playwright/test';
import { ClaudePage } from './claude-page.js';
import { EditorPage } from './editor-page.js';
import { EnvPage } from './env-page.js';
import { LibraryPage } from './library-page.js';
import { RunPage } from './run-page.js';

/** The whole app as a user sees it: the top navigation, the screens, the messages. */
export class RunbookApp {
  readonly library: LibraryPage;
  readonly editor: EditorPage;
  readonly run: RunPage;
  readonly env: EnvPage;
  readonly claude: ClaudePage;

  constructor(readonly page: Page) {
    this.library = new LibraryPage(page);
    this.editor = new EditorPage(page);
    this.run = new RunPage(page);
    this.env = new EnvPage(page);
    this.claude = new ClaudePage(page);
  }

  /** Opens the one-time link; the app then lives on the cookie it sets. */
  async open(url: string): Promise<void> {
    await this.page.addInitScript(() => {
      window.addEventListener('runbook:copied', (event) => {
        (window as unknown as { __copied: string[] }).__copied ??= [];
        (window as unknown as { __copied: string[] }).__copied.push(
          (event as CustomEvent<string>).detail,
        );
      });
    });
    await this.page.goto(url);
    await this.library.tree.waitFor();
  }

  async goTo(
    section: 'Runbooks' | 'Environment' | 'Claude & clients' | 'Settings' | 'Trash',
  ): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: section })
      .click();
  }

  /** The app's own "Discard unsaved changes?" question, asked before a route drops edits. */
  discardDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  }

  async answerDiscard(answer: 'Keep editing' | 'Discard changes'): Promise<void> {
    await this.discardDialog().getByRole('button', { name: answer }).click();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  message(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** What the last Copy put on the clipboard (read back from the real clipboard). */
  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Every text the app copied, in order (announced by the app as `runbook:copied`). */
  async copied(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __copied?: string[] }).__copied ?? []);
  }
}
