import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import { toErrorDetail } from '../lib/api-error.js';

interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  error?: SerializedRunbookError;
  action?: { label: string; run: () => void | Promise<void> };
}

const DISMISS_MS = { info: 5000, success: 4000, error: 12000 } as const;

/** Short messages at the bottom of the window; errors keep their place and fix. */
class Notices {
  items = $state<Notice[]>([]);
  private next = 1;

  show(notice: Omit<Notice, 'id'>, timeoutMs: number = DISMISS_MS[notice.kind]): number {
    const id = this.next++;
    this.items = [...this.items, { ...notice, id }];
    setTimeout(() => this.dismiss(id), timeoutMs);
    return id;
  }

  info(text: string, action?: Notice['action']): number {
    return this.show({ kind: 'info', text, action }, action ? 10000 : DISMISS_MS.info);
  }

  success(text: string): number {
    return this.show({ kind: 'success', text });
  }

  error(error: unknown, context?: string): number {
    const detail = toErrorDetail(error);
    return this.show({ kind: 'error', text: context ?? detail.message, error: detail });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((item) => item.id !== id);
  }
}

export const notices = new Notices();
