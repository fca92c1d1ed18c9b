import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import { toErrorDetail } from '../lib/api-error.js';

/**
 * A dialog's confirm button: runs the work, closes the dialog when it succeeds, and keeps the
 * dialog open with the error when it fails, so the user can change the name or cancel.
 */
export class DialogAction {
  busy = $state(false);
  error = $state<SerializedRunbookError | undefined>(undefined);

  /** The work's result, once the dialog is closed; undefined when it failed. */
  async run<T>(dialog: { close(): void }, work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    try {
      const result = await work();
      dialog.close();
      return result;
    } catch (caught) {
      this.error = toErrorDetail(caught);
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
