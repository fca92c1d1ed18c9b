import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { Runbook } from '../../src-mcp/engine/types.js';
import { ApiError, api } from '../lib/api.js';
import { notices } from './notices.svelte.js';

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
  dirty = $derived(this.stored !== undefined && this.content !== this.stored.content);

  async open(name: string): Promise<void> {
    if (this.name === name && this.stored) return;
    this.name = name;
    this.stored = undefined;
    this.conflict = undefined;
    this.removed = false;
    this.loadError = undefined;
    try {
      this.show(await api.read({ name }));
    } catch (error) {
      if (this.name === name) this.loadError = error instanceof ApiError ? error.detail : undefined;
    }
  }

  close(): void {
    this.name = undefined;
    this.stored = undefined;
    this.conflict = undefined;
  }

  edit(text: string): void {
    this.content = text;
  }

  async save(baseMtimeMs = this.stored?.mtimeMs): Promise<boolean> {
    const name = this.name;
    if (!name || !this.stored || this.saving) return false;
    this.saving = true;
    const content = this.content;
    try {
      const summary = await api.save({ name, content, baseMtimeMs });
      this.stored = { ...this.stored, ...summary, content };
      this.conflict = undefined;
      notices.success(`Saved ${summary.path}`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict')
        this.conflict = diskVersionOf(error);
      else notices.error(error, `Could not save ${name}.`);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** The file changed on disk (the watcher said so): reload it, or ask if there are unsaved edits. */
  async changedOnDisk(): Promise<void> {
    const name = this.name;
    if (!name || !this.stored) return;
    const disk = await api.read({ name }).catch(() => undefined);
    if (!disk || this.name !== name || !this.stored) return;
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
