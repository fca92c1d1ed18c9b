/** The tray's due reminders over a real folder and real log files: once per due period. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../src-mcp/engine/engine.js';
import { LogStore } from '../src-mcp/engine/logs.js';
import { listDueRunbooks } from '../src-mcp/engine/schedule-due.js';
import { makeFolder, writeFiles } from '../src-mcp/test-support/temp-folder.js';
import { DueReminders, type Notice } from './due-reminders.js';

async function setup(files: Record<string, string>) {
  const dir = await makeFolder(files);
  const logsDir = await makeFolder({}, 'runbook-logs-');
  const engine = Engine.open({ dir, logsDir });
  const told: Notice[] = [];
  let now = new Date();
  const reminders = new DueReminders({
    listDue: () => listDueRunbooks(engine, { now }),
    notify: (notice) => told.push(notice),
  });
  const later = (days: number) => (now = new Date(now.getTime() + days * 24 * 3_600_000));
  return { dir, engine, logs: new LogStore(logsDir), told, reminders, later };
}

describe('due reminders', () => {
  it('tells a due runbook once per period, and again once it ran and fell due again', async () => {
    const t = await setup({
      'backup.md': '---\nschedule: daily\n---\n# Nightly backup\n',
      'plain.md': '# Not scheduled\n',
    });
    await t.reminders.check();
    expect(t.told).toEqual([
      {
        title: 'Runbook due: Nightly backup',
        body: 'Scheduled daily; never run yet. Click to fill it in.',
        runbook: 'backup',
      },
    ]);
    await t.reminders.check();
    expect(t.told).toHaveLength(1);

    await t.engine.appendLog('backup', 'done');
    await t.reminders.check();
    expect(t.told).toHaveLength(1);

    t.later(2);
    const [again] = await t.reminders.check();
    expect(again).toMatchObject({ runbook: 'backup', body: expect.stringMatching(/last run/) });
    expect(t.told).toHaveLength(2);
  });

  it('tells many newly due runbooks in one notice that opens the app', async () => {
    const files: Record<string, string> = {};
    for (const n of ['a', 'b', 'c', 'd', 'e'])
      files[`${n}.md`] = `---\nschedule: weekly\n---\n# ${n.toUpperCase()}\n`;
    const t = await setup(files);
    expect(await t.reminders.check()).toEqual([
      { title: '5 runbooks are due', body: 'A, B, C and 2 more.' },
    ]);
  });

  it('a runbook that gains a schedule is told at the next check', async () => {
    const t = await setup({ 'audit.md': '# Audit\n' });
    expect(await t.reminders.check()).toEqual([]);
    await writeFiles(t.dir, { 'audit.md': '---\nschedule: monthly\n---\n# Audit\n' });
    await t.engine.applyChanges(['audit.md']);
    expect((await t.reminders.check()).map((n) => n.runbook)).toEqual(['audit']);
  });

  it('a failing check is reported, not thrown, and the next one still works', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const reminders = new DueReminders({
      listDue: async () => {
        if (fail) throw new Error('folder gone');
        return [{ name: 'x', title: 'X', schedule: 'daily' }];
      },
      notify: () => undefined,
      onError: (error) => errors.push(error),
    });
    expect(await reminders.check()).toEqual([]);
    expect(errors).toHaveLength(1);
    fail = false;
    expect(await reminders.check()).toHaveLength(1);
  });
});
