/** Short confirmations and problems, shown without opening a window. */
import { Notification } from 'electron';

export function notify(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  new Notification({ title, body, silent: true }).show();
}

/** A problem the user should know about: a notification, and a line in the app's stderr log. */
export function report(title: string, body: string): void {
  process.stderr.write(`runbook-companion: ${title}: ${body}\n`);
  notify(title, body);
}
