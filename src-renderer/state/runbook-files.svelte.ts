import type { AppApi } from '../../src-mcp/api/contract.js';
import type { RunbookSummary } from '../../src-mcp/engine/types.js';
import { api as appApi } from '../lib/api.js';
import { library } from './library.svelte.js';
import { notices } from './notices.svelte.js';
import { openRunbook, type OpenRunbook } from './open-runbook.svelte.js';

/**
 * New, Rename and Delete of a runbook's file. Delete moves it to `.trash/`, and its notice offers
 * Undo. Where to go afterwards is the view's choice: these only change the folder and say so.
 */
export class RunbookFiles {
  constructor(
    private readonly api: AppApi = appApi,
    private readonly open: OpenRunbook = openRunbook,
    /** Told after each change, so the library lists the folder as it now is. */
    private readonly onChanged: () => Promise<void> = () => library.refresh(),
  ) {}

  /** Throws the back end's error (a taken name: `exists`) for the dialog to show. */
  async create(name: string): Promise<RunbookSummary> {
    const summary = await this.api.create({ name });
    await this.onChanged();
    return summary;
  }

  /** Saves unsaved edits first, so none are lost; throws for the dialog to show. */
  async rename(from: string, to: string): Promise<RunbookSummary> {
    if (this.open.dirty && !(await this.open.save()))
      throw new Error('Save or resolve the changes first.');
    const summary = await this.api.rename({ from, to });
    this.open.close();
    await this.onChanged();
    notices.success(`Renamed to ${summary.name}`);
    return summary;
  }

  /**
   * Moves `name` to `.trash/`; false (and a notice) when refused. The notice's Undo puts it back
   * and hands its name to `onRestored`, to show it.
   */
  async remove(name: string, onRestored: (name: string) => void): Promise<boolean> {
    let trashPath: string;
    try {
      ({ trashPath } = await this.api.delete({ name }));
    } catch (error) {
      notices.error(error, `Could not delete ${name}.`);
      return false;
    }
    this.open.close();
    await this.onChanged();
    notices.info(`Moved ${name} to .trash`, {
      label: 'Undo',
      run: async () => {
        const restored = await this.api.restore({ trashPath });
        await this.onChanged();
        onRestored(restored.name);
      },
    });
    return true;
  }
}

export const runbookFiles = new RunbookFiles();
