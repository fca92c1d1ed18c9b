import type { AppApi } from '../../src-mcp/api/contract.js';
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { HistoryEntry } from '../../src-mcp/engine/history.js';
import { api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';
import { notices } from './notices.svelte.js';
import { openRunbook, type OpenRunbook } from './open-runbook.svelte.js';

/**
 * A runbook's versions in git: pick one to compare it with the editor's text, and restore it as an
 * unsaved edit. Nothing is written until the user saves.
 */
export class VersionHistory {
  entries = $state<HistoryEntry[] | undefined>(undefined);
  error = $state<SerializedRunbookError | undefined>(undefined);
  selected = $state<{ entry: HistoryEntry; text: string } | undefined>(undefined);
  /** The runbook shown; an answer for an earlier one (the user moved on) is dropped. */
  loadedFor: string | undefined = undefined;
  private readonly api: AppApi;
  private readonly editor: OpenRunbook;

  constructor(api: AppApi = appApi, editor: OpenRunbook = openRunbook) {
    this.api = api;
    this.editor = editor;
  }

  async load(name: string): Promise<void> {
    this.loadedFor = name;
    this.entries = undefined;
    this.error = undefined;
    this.selected = undefined;
    try {
      const history = await this.api.history({ name });
      if (this.loadedFor === name) this.entries = history.entries;
    } catch (failure) {
      if (this.loadedFor === name) this.error = toErrorDetail(failure);
    }
  }

  async pick(entry: HistoryEntry): Promise<void> {
    const name = this.loadedFor;
    if (!name) return;
    try {
      const version = await this.api.historyShow({ name, revision: entry.hash });
      if (this.loadedFor === name) this.selected = { entry, text: version.text };
    } catch (failure) {
      notices.error(failure, `Could not read version ${entry.hash.slice(0, 7)}.`);
    }
  }

  /** The chosen version goes into the editor as an edit: saving it is the user's choice. */
  restore(): void {
    const chosen = this.selected;
    if (!chosen) return;
    this.editor.content = chosen.text;
    this.editor.version++;
    notices.success(
      `Version ${chosen.entry.hash.slice(0, 7)} is in the editor, not saved yet. Save to keep it.`,
    );
  }
}
