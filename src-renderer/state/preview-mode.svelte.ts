import { readChoice, storeChoice } from '../lib/stored-choice.js';

const KEY = 'runbook-companion:preview-mode';

/** Whether the run pane shows the rendered Markdown or the text as it will be copied; remembered. */
class PreviewMode {
  rendered = $state(readChoice(KEY) === 'rendered');

  set(rendered: boolean): void {
    this.rendered = rendered;
    storeChoice(KEY, rendered ? 'rendered' : 'text');
  }
}

export const previewMode = new PreviewMode();
