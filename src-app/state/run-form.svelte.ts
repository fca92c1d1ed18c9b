/**
 * The form's state: values typed so far, the server's preview of them (asked for as the user
 * types, the latest answer wins), and sending the filled-in runbook into the conversation.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { LenientRender } from '../../src-mcp/engine/types.js';
import { isRecord, toPreview, type FormSpec } from '../lib/form-spec.js';

/** What the form needs from its host: the server's tools, and the conversation. */
export interface FormHost {
  callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  sendMessage(text: string): Promise<void>;
}

const PREVIEW_DELAY_MS = 150;

export class RunForm {
  spec = $state<FormSpec | undefined>();
  values = $state<Record<string, string>>({});
  profile = $state('');
  preview = $state<LenientRender | undefined>();
  problems = $state<string[]>([]);
  error = $state('');
  sending = $state(false);
  sent = $state(false);
  /** Every preview asked for gets a number: an answer to an older one is dropped. */
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: FormHost) {}

  readonly missing = $derived(
    (this.preview?.unresolved.map((u) => u.key.replace(/^var\./, '')) ?? []).filter(
      (key, i, keys) => keys.indexOf(key) === i,
    ),
  );
  readonly ready = $derived(
    this.preview !== undefined && this.missing.length === 0 && this.problems.length === 0,
  );

  open(spec: FormSpec): void {
    this.spec = spec;
    this.values = Object.fromEntries(spec.variables.map((v) => [v.name, v.default ?? '']));
    this.profile = spec.profile && spec.profiles.includes(spec.profile) ? spec.profile : '';
    this.schedulePreview(0);
  }

  setValue(name: string, value: string): void {
    this.values[name] = value;
    this.sent = false;
    this.schedulePreview();
  }

  setProfile(profile: string): void {
    this.profile = profile;
    this.sent = false;
    this.schedulePreview(0);
  }

  async send(): Promise<void> {
    if (!this.spec || this.sending) return;
    this.sending = true;
    this.error = '';
    try {
      const result = await this.host.callTool('runbook_form_prompt', this.request(this.spec));
      const text = structured(result).text;
      if (result.isError || typeof text !== 'string') throw new Error(textOf(result));
      await this.host.sendMessage(text);
      this.sent = true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.sending = false;
    }
  }

  private schedulePreview(delay = PREVIEW_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshPreview(), delay);
  }

  private async refreshPreview(): Promise<void> {
    if (!this.spec) return;
    const ticket = ++this.asked;
    try {
      const result = await this.host.callTool('preview_runbook_form', this.request(this.spec));
      if (ticket !== this.asked) return;
      if (result.isError) throw new Error(textOf(result));
      const { render, problems } = toPreview(result.structuredContent);
      this.preview = render;
      this.problems = problems;
      this.error = '';
    } catch (error) {
      if (ticket === this.asked)
        this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** A blank field means "not given": the default or a missing mark, as in the other faces. */
  private request(spec: FormSpec): Record<string, unknown> {
    const vars = Object.fromEntries(Object.entries(this.values).filter(([, v]) => v !== ''));
    return { runbook_name: spec.name, vars, ...(this.profile ? { profile: this.profile } : {}) };
  }
}

function structured(result: CallToolResult): Record<string, unknown> {
  return isRecord(result.structuredContent) ? result.structuredContent : {};
}

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n') || 'No answer.';
}
