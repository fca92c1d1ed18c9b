import type { AppApi, EnvDocument } from '../../src-mcp/api/contract.js';
import type { Diagnostic } from '../../src-mcp/engine/types.js';
import { ApiError, api as appApi } from '../lib/api.js';
import type { DiskVersion } from './open-runbook.svelte.js';
import { notices } from './notices.svelte.js';
import { unsavedGuard } from './unsaved.svelte.js';
import { textCannotBeSaved } from '../lib/text-encoding.js';

/** The env file being edited (env.yaml or a profile's), with the same conflict rule as runbooks. */
export class EnvDoc {
  profile = $state('');
  stored = $state<EnvDocument | undefined>(undefined);
  text = $state('');
  version = $state(0);
  problems = $state<Diagnostic[]>([]);
  conflict = $state<DiskVersion | undefined>(undefined);
  saving = $state(false);
  dirty = $derived(this.stored !== undefined && this.text !== this.stored.text);

  private readonly api: AppApi;

  /** `api` is the app's back end; tests give a fake one. */
  constructor(api: AppApi = appApi) {
    this.api = api;
  }

  async load(profile: string): Promise<void> {
    this.profile = profile;
    this.conflict = undefined;
    try {
      this.show(await this.api.envRead({ profile: profile || undefined }));
    } catch (error) {
      notices.error(error, 'Could not read the env file.');
    }
  }

  edit(text: string): void {
    this.text = text;
  }

  async validate(text: string): Promise<Diagnostic[]> {
    const problems = await this.api.envValidate({ text });
    this.problems = problems;
    return problems;
  }

  /** Forget the edits (the user chose to leave them): the disk text is shown again. */
  discard(): void {
    if (this.stored) this.show(this.stored);
    this.conflict = undefined;
  }

  async save(baseMtimeMs = this.stored?.mtimeMs): Promise<void> {
    if (!this.stored || this.saving) return;
    const unwritable = textCannotBeSaved(this.text, this.stored.file);
    if (unwritable) {
      notices.error(new ApiError(unwritable), 'Not saved.');
      return;
    }
    this.saving = true;
    try {
      const saved = await this.api.envSave({
        profile: this.profile || undefined,
        text: this.text,
        baseMtimeMs,
      });
      this.stored = saved;
      this.conflict = undefined;
      notices.success(`Saved ${saved.file}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        const detail = error.detail.details[0] as
          { diskContent?: string; diskMtimeMs?: number | null } | undefined;
        this.conflict = {
          content: detail?.diskContent ?? '',
          mtimeMs: detail?.diskMtimeMs ?? null,
        };
      } else notices.error(error, 'Not saved.');
    } finally {
      this.saving = false;
    }
  }

  /** Reload from disk unless there are unsaved edits (then the user chooses). */
  async changedOnDisk(): Promise<void> {
    if (!this.stored) return;
    const disk = await this.api
      .envRead({ profile: this.profile || undefined })
      .catch(() => undefined);
    if (!disk || disk.text === this.stored.text) return;
    if (this.dirty) this.conflict = { content: disk.text, mtimeMs: disk.mtimeMs ?? null };
    else this.show(disk);
  }

  async keepMine(): Promise<void> {
    if (this.conflict) await this.save(this.conflict.mtimeMs ?? undefined);
  }

  async takeDisk(): Promise<void> {
    await this.load(this.profile);
  }

  private show(doc: EnvDocument): void {
    this.stored = doc;
    this.text = doc.text;
    this.problems = doc.problems;
    this.version++;
  }
}

export const envDoc = new EnvDoc();

unsavedGuard.register({
  unsaved: () => (envDoc.dirty ? envDoc.stored?.file : undefined),
  dropsOn: (to) => to.view !== 'env' || to.profile !== envDoc.profile,
  discard: () => envDoc.discard(),
});
