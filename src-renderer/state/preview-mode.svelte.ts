const KEY = 'runbook-companion:preview-mode';

/** Whether the run pane shows the rendered Markdown or the text as it will be copied; remembered. */
class PreviewMode {
  rendered = $state(read() === 'rendered');

  set(rendered: boolean): void {
    this.rendered = rendered;
    try {
      localStorage.setItem(KEY, rendered ? 'rendered' : 'text');
    } catch {
      // Storage disabled: the choice lasts for this window only.
    }
  }
}

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const previewMode = new PreviewMode();
