/** Electron glue for DueReminders: a notification per due runbook; a click opens its fill window. */
import { Notification } from 'electron';
import { listDueRunbooks } from '../src-mcp/engine/schedule-due.js';
import type { RunbookSession } from '../src-mcp/api/session.js';
import type { AppWindows } from './windows.js';
import { DueReminders, type Notice } from './due-reminders.js';

/** Shown notifications, held until clicked or closed: one that is garbage-collected loses its click. */
const shown = new Set<Notification>();

/** What the reminders need of the app: the open folder, and the windows a click opens. */
export interface DueNotificationContext {
  session: Pick<RunbookSession, 'ready' | 'engine'>;
  windows: Pick<AppWindows, 'showFill' | 'showMain'>;
}

export function setupDueNotifications(ctx: DueNotificationContext): () => void {
  const reminders = new DueReminders({
    listDue: async () => {
      await ctx.session.ready();
      return listDueRunbooks(ctx.session.engine);
    },
    notify: (notice) => show(ctx, notice),
    onError: (error) => process.stderr.write(`runbook-companion: due check: ${String(error)}\n`),
  });
  return reminders.start();
}

function show(ctx: DueNotificationContext, notice: Notice): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  shown.add(notification);
  notification.on('click', () => {
    shown.delete(notification);
    if (notice.runbook) ctx.windows.showFill(notice.runbook);
    else ctx.windows.showMain();
  });
  notification.on('close', () => shown.delete(notification));
  notification.show();
}
