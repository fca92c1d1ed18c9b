/** Electron glue for DueReminders: a notification per due runbook; a click opens its fill window. */
import { Notification } from 'electron';
import { listDueRunbooks } from '../src-mcp/engine/schedule-due.js';
import type { AppContext } from './context.js';
import { DueReminders, type Notice } from './due-reminders.js';

/** Shown notifications, held until clicked or closed: one that is garbage-collected loses its click. */
const shown = new Set<Notification>();

export function setupDueNotifications(ctx: AppContext): () => void {
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

function show(ctx: AppContext, notice: Notice): void {
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
