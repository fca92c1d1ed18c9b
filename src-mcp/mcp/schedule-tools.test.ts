/** list_due_runbooks over stdio, with the SDK client, on runbooks with schedules and real log files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogStore } from '../engine/logs.js';
import { writeFiles } from '../test-support/temp-folder.js';
import { callTool, startRunningServer, textOf, type RunningServer } from './test-harness.js';

let server: RunningServer;
const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3_600_000);

beforeAll(async () => {
  server = await startRunningServer(async (fx) => {
    const files: Record<string, string> = {
      'ops/backup.md': '---\nschedule: daily\n---\n# Nightly backup\n',
      'ops/report.md': '---\nschedule: weekly\n---\n# Weekly report\n',
      'ops/rotate.md': '---\nschedule: "0 3 1 * *"\n---\n# Rotate keys\n',
      'ops/broken.md': '---\nschedule: "every now and then"\n---\n# Broken schedule\n',
    };
    await writeFiles(fx.dir, files);
    const logs = new LogStore(fx.logs);
    await logs.append('ops/backup', 'done', threeDaysAgo);
    await logs.append('ops/report', 'done', new Date());
  });
}, 180_000);
afterAll(() => server?.stop());

describe('list_due_runbooks', () => {
  it('lists the never-run and the overdue runbooks, with when they ran and fell due', async () => {
    const result = await callTool(server.srv.client, 'list_due_runbooks');
    expect(result.isError).toBeFalsy();
    const { due } = result.structuredContent as { due: Record<string, string>[] };
    expect(due).toEqual([
      { name: 'ops/rotate', title: 'Rotate keys', schedule: '0 3 1 * *' },
      {
        name: 'ops/backup',
        title: 'Nightly backup',
        schedule: 'daily',
        lastRun: threeDaysAgo.toISOString(),
        dueSince: new Date(threeDaysAgo.getTime() + 24 * 3_600_000).toISOString(),
      },
    ]);
    expect(textOf(result)).toMatch(
      /2 scheduled runbook\(s\) due:\n- ops\/rotate \(0 3 1 \* \*\) — never run/,
    );
  });

  it('a bad schedule is a front matter problem of that file, listed by list_runbooks', async () => {
    const result = await callTool(server.srv.client, 'list_runbooks', { folder: 'ops' });
    const { runbooks } = result.structuredContent as {
      runbooks: { name: string; problems?: string[] }[];
    };
    const broken = runbooks.find((r) => r.name === 'ops/broken');
    expect(broken?.problems).toEqual([
      expect.stringMatching(
        /^ops\/broken\.md: `schedule` must be daily, weekly, monthly or a cron/,
      ),
    ]);
  });

  it('a log saved through the server takes the runbook off the list', async () => {
    await callTool(server.srv.client, 'create_runbook_log', {
      runbook_name: 'ops/backup',
      execution_log: 'Backed up.',
    });
    const result = await callTool(server.srv.client, 'list_due_runbooks');
    const { due } = result.structuredContent as { due: { name: string }[] };
    expect(due.map((d) => d.name)).toEqual(['ops/rotate']);
  });
});
