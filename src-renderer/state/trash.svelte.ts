import type { AppApi, TrashItem } from '../../src-mcp/api/contract.js';
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { RunbookSummary } from '../../src-mcp/engine/types.js';
import { api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';
import { library } from './library.svelte.js';

/**
 * The Trash view: what `.trash/` holds, newest first. Restore never replaces a runbook (the back
 * end refuses a taken name; the view asks for another), and Delete forever names one trashed file.
 */
export class Trash {
  items = $state.raw<TrashItem[]>([]);
  loaded = $state(false);
  loadError = $state<SerializedRunbookError | undefined>(undefined);

  constructor(
    private readonly api: AppApi = appApi,
    /** Told when the folder's runbooks changed, so the library lists the restored one. */
    private readonly onRestored: () => Promise<void> = () => library.refresh(),
  ) {}

  async refresh(): Promise<void> {
    try {
      this.items = await this.api.trashList();
      this.loadError = undefined;
    } catch (error) {
      this.loadError = toErrorDetail(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Throws the back end's error (a taken name: `exists`) for the dialog to show. */
  async restore(item: TrashItem, as?: string): Promise<RunbookSummary> {
    const summary = await this.api.trashRestore({ trashPath: item.trashPath, as });
    this.items = this.items.filter((i) => i.trashPath !== item.trashPath);
    await this.onRestored();
    return summary;
  }

  /** The trashed text and the runbook's text now, for the Compare view of a taken name. */
  async compare(item: TrashItem): Promise<{ trashed: string; current: string }> {
    const [{ text }, runbook] = await Promise.all([
      this.api.trashRead({ trashPath: item.trashPath }),
      this.api.read({ name: item.name }),
    ]);
    return { trashed: text, current: runbook.content };
  }

  async deleteForever(item: TrashItem): Promise<void> {
    await this.api.trashDelete({ trashPath: item.trashPath });
    this.items = this.items.filter((i) => i.trashPath !== item.trashPath);
  }
}

export const trash = new Trash();
