/**
 * Focus follows the user: choosing a runbook (Enter in the library or the picker, a click) asks
 * for focus, and the view that shows it takes the request once, after its fields are on screen.
 * Arriving any other way (a reload, Back) leaves focus where the browser puts it.
 */
class FocusRequest {
  /** Bumped per request; a view reads it in an effect to run again on a new request. */
  seq = $state(0);
  private taken = 0;

  request(): void {
    this.seq++;
  }

  /** True once per request: the caller moves focus. */
  take(): boolean {
    if (this.taken === this.seq) return false;
    this.taken = this.seq;
    return true;
  }
}

export const focusRequest = new FocusRequest();

/** The first field of `form` without a value, else the view's heading (`data-focus-heading`). */
export function focusFirstEmpty(form: HTMLElement | undefined): void {
  const fields = form?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select');
  const empty = [...(fields ?? [])].find((field) => field.id.startsWith('var-') && !field.value);
  const target = empty ?? document.querySelector<HTMLElement>('[data-focus-heading]');
  target?.focus();
}
