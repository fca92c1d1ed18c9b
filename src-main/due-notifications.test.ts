/** The Electron glue of due reminders, with the `electron` module replaced by the recording stand-in. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunbookSession } from '../src-mcp/api/session.js';
import { makeFolder } from '../src-mcp/test-support/temp-folder.js';
import { setupDueNotifications } from './due-notifications.js';
import { Notification } from './testing/electron-stand-in.js';

vi.mock('electron', () => import('./testing/electron-stand-in.js'));

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('due notifications', () => {
  it('notifies a due runbook at start; a click opens its fill window', async () => {
    const dir = await makeFolder({
      'ops/backup.md': '---\nschedule: daily\n---\n# Nightly backup\n',
      'plain.md': '# Not scheduled\n',
    });
    const session = new RunbookSession({ dir, logsDir: await makeFolder(), watch: false });
    const opened: string[] = [];
    const windows = {
      showFill: (name: string) => void opened.push(`fill:${name}`),
      showMain: () => void opened.push('main'),
    };
    stops.push(setupDueNotifications({ session, windows }));

    await vi.waitFor(() => expect(Notification.all).toHaveLength(1), { timeout: 10_000 });
    const [notification] = Notification.all;
    expect(notification?.options.title).toBe('Runbook due: Nightly backup');
    notification?.emit('click');
    expect(opened).toEqual(['fill:ops/backup']);
    await session.close();
  });
});
