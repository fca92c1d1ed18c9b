/** Schedules: parsing the front matter key, and which runbooks are due given their real log files. */
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../test-support/temp-folder.js';
import { Engine } from './engine.js';
import { LogStore } from './logs.js';
import { nextDueAfter, parseSchedule } from './schedule.js';
import { listDueRunbooks } from './schedule-due.js';

describe('parseSchedule', () => {
  const cases: [string, string | RegExp, string][] = [
    ['daily', 'daily', 'a named period'],
    ['  Weekly ', 'weekly', 'named periods are read in any case, trimmed'],
    ['monthly', 'monthly', 'a calendar month'],
    ['0 9 * * 1', '0 9 * * 1', 'five cron fields: Mondays at 9'],
    ['*/30 * * * * *', '*/30 * * * * *', 'six fields: seconds first'],
    ['@daily', '@daily', 'a cron nickname'],
    ['', /empty/, 'an empty value is refused'],
    ['fortnightly', /five, six, or seven/, 'an unknown word is not a cron'],
    ['61 * * * *', /minute/, 'a field out of range names the field'],
    ['0 0 30 2 *', /never fires/, 'February 30th never comes'],
    ['* '.repeat(150), /over 200/, 'a huge value is refused before parsing'],
  ];
  it.each(cases)('%j → %s (%s)', (input, expected) => {
    const parsed = parseSchedule(input);
    if (typeof expected === 'string') {
      expect(parsed).toMatchObject({ ok: true, schedule: { text: expected } });
    } else {
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.reason).toMatch(expected);
    }
  });
});

describe('nextDueAfter', () => {
  const at = (iso: string) => new Date(iso);
  const cases: [string, string, string, string][] = [
    ['daily', '2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', 'a day later'],
    ['weekly', '2026-03-01T10:00:00.000Z', '2026-03-08T10:00:00.000Z', 'a week later'],
    ['monthly', '2026-01-31T10:00:00.000Z', '2026-02-28T10:00:00.000Z', 'clamped to February'],
    ['monthly', '2026-12-15T10:00:00.000Z', '2027-01-15T10:00:00.000Z', 'across the year'],
    ['0 9 * * 1', '2026-03-02T10:00:00.000Z', '2026-03-09T09:00:00.000Z', 'the next Monday 9:00'],
  ];
  it.each(cases)('%s after %s is %s (%s)', (text, last, expected) => {
    const parsed = parseSchedule(text, 'UTC');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(nextDueAfter(parsed.schedule, at(last))?.toISOString()).toBe(expected);
  });
});

describe('schedule in front matter', () => {
  it('keeps a valid schedule and reports a bad one with the file and key, the runbook still usable', async () => {
    const dir = await makeFolder({
      'ops/backup.md': '---\nschedule: Daily\n---\n# Backup\n',
      'ops/bad.md': '---\nschedule: "0 25 * * *"\n---\n# Bad cron\n',
      'ops/number.md': '---\nschedule: 5\n---\n# Number\n',
    });
    const engine = Engine.open({ dir, logsDir: await makeFolder() });
    const [backup, bad, number] = await Promise.all(
      ['ops/backup', 'ops/bad', 'ops/number'].map((n) => engine.resolve(n)),
    );
    expect(backup?.schedule).toBe('daily');
    expect(bad?.schedule).toBeUndefined();
    expect(bad?.problems).toEqual([
      expect.objectContaining({
        file: 'ops/bad.md',
        key: 'schedule',
        code: 'invalid-front-matter',
      }),
    ]);
    expect(bad?.problems[0]?.message).toMatch(/hour/);
    expect(number?.problems[0]).toMatchObject({ file: 'ops/number.md', key: 'schedule' });
    expect(await engine.render('ops/bad')).toBe('# Bad cron\n');
  });
});

describe('listDueRunbooks', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it('lists runbooks whose last log is older than their period, or that never ran', async () => {
    const dir = await makeFolder({
      'never.md': '---\nschedule: daily\n---\n# Never ran\n',
      'fresh.md': '---\nschedule: daily\n---\n# Ran two hours ago\n',
      'stale.md': '---\nschedule: daily\n---\n# Ran 25 hours ago\n',
      'weekly.md': '---\nschedule: weekly\n---\n# Weekly, ran 6 days ago\n',
      'monday.md': '---\nschedule: "0 9 * * 1"\n---\n# Mondays at 9, ran last Monday 10:00\n',
      'plain.md': '# No schedule, never ran\n',
      'broken.md': '---\nschedule: sometimes\n---\n# Broken schedule\n',
    });
    const logsDir = await makeFolder({}, 'runbook-logs-');
    const logs = new LogStore(logsDir);
    await logs.append('fresh', 'ok', hoursAgo(2));
    await logs.append('stale', 'older', hoursAgo(49));
    await logs.append('stale', 'ok', hoursAgo(25));
    await logs.append('weekly', 'ok', hoursAgo(6 * 24));
    // Monday 2026-03-02 10:00 UTC: due again on Monday 2026-03-09 at 9:00.
    await logs.append('monday', 'ok', new Date('2026-03-02T10:00:00.000Z'));
    const engine = Engine.open({ dir, logsDir });

    const due = await listDueRunbooks(engine, { now, timezone: 'UTC' });

    expect(due).toEqual([
      { name: 'never', title: 'Never ran', schedule: 'daily' },
      {
        name: 'monday',
        title: 'Mondays at 9, ran last Monday 10:00',
        schedule: '0 9 * * 1',
        lastRun: '2026-03-02T10:00:00.000Z',
        dueSince: '2026-03-09T09:00:00.000Z',
      },
      {
        name: 'stale',
        title: 'Ran 25 hours ago',
        schedule: 'daily',
        lastRun: hoursAgo(25).toISOString(),
        dueSince: hoursAgo(1).toISOString(),
      },
    ]);
  });

  it('a log written now takes a runbook off the list until its next period', async () => {
    const dir = await makeFolder({ 'backup.md': '---\nschedule: weekly\n---\n# Backup\n' });
    const engine = Engine.open({ dir, logsDir: await makeFolder({}, 'runbook-logs-') });
    expect((await listDueRunbooks(engine, { now })).map((d) => d.name)).toEqual(['backup']);
    await engine.appendLog('backup', 'done');
    expect(await listDueRunbooks(engine)).toEqual([]);
    const inEightDays = new Date(Date.now() + 8 * 24 * 3_600_000);
    expect((await listDueRunbooks(engine, { now: inEightDays })).map((d) => d.name)).toEqual([
      'backup',
    ]);
  });
});
