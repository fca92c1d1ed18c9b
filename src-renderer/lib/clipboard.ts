/**
 * Copies text. The async Clipboard API needs focus and a secure context (127.0.0.1 is one); the
 * textarea fallback covers the rest. The last copied text is also announced as a DOM event, which
 * the e2e tests and the tray's picker window listen for.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    copyWithTextarea(text);
  }
  window.dispatchEvent(new CustomEvent('runbook:copied', { detail: text }));
}

function copyWithTextarea(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
