import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { LenientRender, VariableSpec } from '../../src-mcp/engine/types.js';
import type { AppApi } from '../../src-mcp/api/contract.js';
import { ApiError, api as appApi } from '../lib/api.js';
import { copyText } from '../lib/clipboard.js';
import { rememberValues, rememberedValues } from '../lib/remembered.js';
import { notices } from './notices.svelte.js';

const PREVIEW_DELAY_MS = 120;

/** The run pane: a value per variable, a profile, and the live preview they give. */
export class RunForm {
  name = $state<string | undefined>(undefined);
  variables = $state<VariableSpec[]>([]);
  values = $state<Record<string, string>>({});
  profile = $state('');
  preview = $state<LenientRender | undefined>(undefined);
  previewError = $state<SerializedRunbookError | undefined>(undefined);
  copyError = $state<SerializedRunbookError | undefined>(undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  missingRequired = $derived(this.variables.filter((v) => v.required && !this.values[v.name]));

  private readonly api: AppApi;

  /** `api` is the app's back end; tests give a fake one. */
  constructor(api: AppApi = appApi) {
    this.api = api;
  }

  async load(name: string, variables: VariableSpec[]): Promise<void> {
    const remembered = rememberedValues(name);
    const fresh = this.name !== name;
    this.name = name;
    this.variables = variables;
    const values: Record<string, string> = {};
    for (const spec of variables) {
      const current = fresh ? undefined : this.values[spec.name];
      values[spec.name] =
        current ?? (spec.secret ? undefined : remembered[spec.name]) ?? spec.default ?? '';
    }
    this.values = values;
    this.copyError = undefined;
    await this.refresh();
  }

  /**
   * "Run again with these values": a logged run's values (its receipt never holds a secret) and
   * profile. load() keeps them, since the runbook is the same.
   */
  prefill(name: string, values: Record<string, string>, profile: string | undefined): void {
    this.name = name;
    this.values = { ...values };
    this.profile = profile ?? '';
  }

  set(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
    this.schedule();
  }

  setProfile(profile: string): void {
    this.profile = profile;
    this.schedule();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), PREVIEW_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const name = this.name;
    if (!name) return;
    const seq = ++this.seq;
    try {
      const preview = await this.api.preview({
        name,
        vars: this.filled(),
        profile: this.profile || undefined,
      });
      if (seq !== this.seq) return;
      this.preview = preview;
      this.previewError = undefined;
    } catch (error) {
      if (seq === this.seq)
        this.previewError = error instanceof ApiError ? error.detail : undefined;
    }
  }

  /** Renders strictly (what the MCP server would give) and copies; missing values are an error. */
  async copy(kind: 'text' | 'prompt'): Promise<boolean> {
    const name = this.name;
    if (!name) return false;
    const request = { name, vars: this.filled(), profile: this.profile || undefined };
    try {
      const { text } =
        kind === 'text' ? await this.api.render(request) : await this.api.promptText(request);
      await copyText(text);
      rememberValues(name, this.values, this.variables);
      this.copyError = undefined;
      notices.success(
        kind === 'text' ? 'Copied the rendered runbook.' : 'Copied as a Claude prompt.',
      );
      return true;
    } catch (error) {
      this.copyError = error instanceof ApiError ? error.detail : undefined;
      if (!this.copyError) notices.error(error, 'Could not copy.');
      return false;
    }
  }

  /** An empty field means "not filled in", so the preview marks the placeholder. */
  private filled(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.values).filter(([, value]) => value !== ''));
  }
}

export const runForm = new RunForm();
