import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { Runbook } from '../../src-mcp/engine/types.js';
import type { AppApi } from '../../src-mcp/api/contract.js';
import { ApiError, api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';
import { notices } from './notices.svelte.js';
import { unsavedGuard } from './unsaved.svelte.js';
import { textCannotBeSaved } from '../lib/text-encoding.js';

/** The version on disk that differs from the one the editor started from. */
export interface DiskVersion {
  content: string;
  mtimeMs: number | null;
}

/**
 * The runbook being edited: what is on disk, what is in the editor, and — when both changed —
 * the two versions side by side until the user chooses. Nothing is silently overwritten.
 */
export class OpenRunbook {
  name = $state<string | undefined>(undefined);
  stored = $state<Runbook | undefined>(undefined);
  content = $state('');
  /** Bumped when the editor must show `content` anew (opened, reloaded, version chosen). */
  version = $state(0);
  conflict = $state<DiskVersion | undefined>(undefined);
  removed = $state(false);
  saving = $state(false);
  loadError = $state<SerializedRunbookError | undefined>(undefined);
  /** Why the last save was refused (kept on screen, unlike a toast, until the next save). */
  saveError = $state<SerializedRunbookError | undefined>(undefined);
  dirty = $derived(this.stored !== undefined && this.content !== this.stored.content);
  /** Text that exists only here: edited, or its file was removed on disk. */
  unsaved = $derived(this.dirty || (this.stored !== undefined && this.removed));

  private readonly api: AppApi;

  /** `api` is the app's back end; tests give a fake one. */
  constructor(api: AppApi = appApi) {
    this.api = api;
  }

  async open(name: string): Promise<void> {
    if (this.name === name && this.stored) return;
    this.name = name;
    this.stored = undefined;
    this.conflict = undefined;
    this.removed = false;
    this.loadError = undefined;
    this.saveError = undefined;
    try {
      this.show(await this.api.read({ name }));
    } catch (error) {
      if (this.name === name) this.loadError = error instanceof ApiError ? error.detail : undefined;
    }
  }

  close(): void {
    this.name = undefined;
    this.stored = undefined;
    this.conflict = undefined;
    this.removed = false;
    this.saveError = undefined;
  }

  /** Forget the edits (the user chose to leave them). */
  discard(): void {
    this.close();
  }

  edit(text: string): void {
    this.content = text;
  }

  async save(baseMtimeMs = this.stored?.mtimeMs): Promise<boolean> {
    const name = this.name;
    const stored = this.stored;
    if (!name || !stored || this.saving) return false;
    const content = this.content;
    this.saveError = textCannotBeSaved(content, stored.path);
    if (this.saveError) return false;
    this.saving = true;
    try {
      // A file removed on disk is written back under its own path, never over a new one.
      const summary = this.removed
        ? await this.api.create({ name: stored.path, content })
        : await this.api.save({ name, content, baseMtimeMs });
      this.stored = { ...stored, ...summary, content };
      this.conflict = undefined;
      this.removed = false;
      notices.success(`Saved ${summary.path}`);
      return true;
    } catch (error) {
      await this.refused(error);
      return false;
    } finally {
      this.saving = false;
    }
  }

  private async refused(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.code === 'conflict')
      this.conflict = diskVersionOf(error);
    else if (error instanceof ApiError && error.code === 'exists' && this.removed) {
      // It came back while we wrote: compare, as with any change on disk.
      this.removed = false;
      await this.changedOnDisk();
    } else this.saveError = toErrorDetail(error);
  }

  /** The file changed on disk (the watcher said so): reload it, or ask if there are unsaved edits. */
  async changedOnDisk(): Promise<void> {
    const name = this.name;
    if (!name || !this.stored) return;
    const disk = await this.api.read({ name }).catch(() => undefined);
    if (!disk || this.name !== name || !this.stored) return;
    // Readable again: a "removed on disk" state is over (the file came back).
    this.removed = false;
    if (disk.content === this.stored.content) {
      this.stored = disk;
      return;
    }
    if (this.dirty) this.conflict = { content: disk.content, mtimeMs: disk.mtimeMs };
    else this.show(disk);
  }

  removedOnDisk(): void {
    if (this.stored) this.removed = true;
  }

  /** Keep the editor's text: write it over the disk version the user has now seen. */
  async keepMine(): Promise<void> {
    const disk = this.conflict;
    if (disk) await this.save(disk.mtimeMs ?? undefined);
  }

  /** Take the disk version; the editor's unsaved text is dropped. */
  async takeDisk(): Promise<void> {
    if (!this.name) return;
    this.conflict = undefined;
    this.stored = undefined;
    const name = this.name;
    this.name = undefined;
    await this.open(name);
  }

  private show(runbook: Runbook): void {
    this.stored = runbook;
    this.content = runbook.content;
    this.version++;
  }
}

function diskVersionOf(error: ApiError): DiskVersion {
  const detail = error.detail.details[0] as
    { diskContent?: string; diskMtimeMs?: number | null } | undefined;
  return { content: detail?.diskContent ?? '', mtimeMs: detail?.diskMtimeMs ?? null };
}

export const openRunbook = new OpenRunbook();

unsavedGuard.register({
  unsaved: () => (openRunbook.unsaved ? openRunbook.name : undefined),
  dropsOn: (to) => to.view === 'runbook' && to.name !== openRunbook.name,
  discard: () => openRunbook.discard(),
});
