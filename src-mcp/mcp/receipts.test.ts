/**
 * Run receipts over the real server with the SDK client: every render that starts a run carries a
 * run id, create_runbook_log with it writes the receipt, the past-run example is the last
 * successful run, and the CLI renders again from that receipt.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runbook-cli.js';
import { runCliCaptured } from '../test-support/run-cli.js';
import { logFolderName } from '../engine/logs.js';
import {
  callTool,
  promptText,
  startRunningServer,
  textOf,
  type RunningServer,
} from './test-harness.js';

const SECRET = 'pw-Receipt-7731';
const RESTORE = [
  '---',
  'title: Restore a database',
  'variables:',
  '  db_password: { secret: true }',
  '  target: { choices: [staging, prod] }',
  '---',
  'mysql -p{var.db_password} {var.target} < dump.sql',
  '',
].join('\n');
const RUN_ID = /run_id "([A-Za-z0-9_-]{10})"/;

let running: RunningServer;

beforeAll(async () => {
  running = await startRunningServer(async (fx) => {
    await fs.mkdir(path.join(fx.dir, 'db'), { recursive: true });
    await fs.writeFile(path.join(fx.dir, 'db/restore.md'), RESTORE);
  });
});

afterAll(() => running?.stop());

const client = () => running.srv.client;
const data = (result: { structuredContent?: unknown }) =>
  (result.structuredContent ?? {}) as Record<string, unknown>;

function runIdIn(text: string): string {
  const id = RUN_ID.exec(text)?.[1];
  expect(id, text).toBeDefined();
  return id!;
}

async function logOnDisk(runbook: string, id: string): Promise<string> {
  return fs.readFile(path.join(running.fx.logs, logFolderName(runbook), id), 'utf8');
}

describe('a run id in every render that starts a run', () => {
  it.each([
    {
      why: 'the compatible prompt',
      render: async () =>
        promptText(
          await client().getPrompt({
            name: 'get_runbook_as_prompt',
            arguments: {
              runbook_search_keyword: 'db/restore',
              vars: 'target=staging,db_password=pw-one-1',
            },
          }),
        ),
    },
    {
      why: 'the runbook’s own prompt',
      render: async () =>
        promptText(
          await client().getPrompt({
            name: 'db_restore',
            arguments: { target: 'prod', db_password: 'pw-one-1' },
          }),
        ),
    },
    {
      why: 'get_runbook',
      render: async () =>
        textOf(
          await callTool(client(), 'get_runbook', {
            name: 'db/restore',
            vars: { target: 'prod', db_password: 'pw-one-1' },
          }),
        ),
    },
    {
      why: 'the run form’s sent message',
      render: async () =>
        textOf(
          await callTool(client(), 'runbook_form_prompt', {
            runbook_name: 'db/restore',
            vars: { target: 'prod', db_password: 'pw-one-1' },
          }),
        ),
    },
  ])('$why asks for it in create_runbook_log, a new one each time', async ({ render }) => {
    const first = await render();
    expect(first).toContain('create_runbook_log');
    expect(first).toMatch(/outcome `?success`?, `?failure`? or `?partial`?/);
    expect(runIdIn(first)).not.toBe(runIdIn(await render()));
  });

  it('get_runbook also returns it as data, beside the unchanged text', async () => {
    const result = await callTool(client(), 'get_runbook', {
      name: 'db/restore',
      vars: { target: 'prod', db_password: 'pw-one-1' },
    });
    expect(data(result).text).toBe('mysql -ppw-one-1 prod < dump.sql\n');
    expect(data(result).run_id).toBe(runIdIn(textOf(result)));
  });
});

describe('create_runbook_log with outcome and run_id', () => {
  let runId: string;
  let logId: string;

  it('writes the receipt at the head of the log, the secret masked', async () => {
    const prompt = promptText(
      await client().getPrompt({
        name: 'db_restore',
        arguments: { db_password: SECRET, target: 'staging' },
      }),
    );
    expect(prompt).toContain(`-p${SECRET}`);
    runId = runIdIn(prompt);
    const result = await callTool(client(), 'create_runbook_log', {
      runbook_name: 'db/restore',
      execution_log: `Ran mysql -p${SECRET} staging: restored 12 tables.`,
      outcome: 'success',
      run_id: runId,
    });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain('with its receipt');
    logId = String((data(result).log as { id: string }).id);
    const onDisk = await logOnDisk('db/restore', logId);
    expect(onDisk).not.toContain(SECRET);
    const sha256 = createHash('sha256').update(RESTORE).digest('hex');
    for (const line of [
      '---',
      'receipt: runbook-companion/1',
      'outcome: success',
      'runbook: "db/restore"',
      `run_id: ${runId}`,
      `sha256: ${sha256} (file at render)`,
      'profile: (default)',
      '  target: "staging"',
      '  db_password: [SECRET_NOT_RECORDED]',
    ])
      expect(onDisk.split('\n')).toContain(line);
    expect(onDisk).toContain('# Execution log: db/restore');
    expect(running.srv.stderr()).not.toContain(SECRET);
  });

  it('the earlier tool’s arguments still save a log, without a receipt', async () => {
    const result = await callTool(client(), 'create_runbook_log', {
      runbook_name: 'db/restore',
      execution_log: 'Old client: no outcome, no run id.',
    });
    expect(result.isError).toBeFalsy();
    const id = String((data(result).log as { id: string }).id);
    expect(await logOnDisk('db/restore', id)).toMatch(/^# Execution log: db\/restore\n/);
  });

  it.each([
    { why: 'an unknown outcome', args: { outcome: 'done' } },
    { why: 'a run id that could break the receipt', args: { run_id: 'x\noutcome: success' } },
  ])('refuses $why and stays up', async ({ args }) => {
    const before = await fs.readdir(path.join(running.fx.logs, logFolderName('db/restore')));
    const result = await callTool(client(), 'create_runbook_log', {
      runbook_name: 'db/restore',
      execution_log: 'x',
      ...args,
    });
    expect(result.isError).toBe(true);
    expect(await fs.readdir(path.join(running.fx.logs, logFolderName('db/restore')))).toEqual(
      before,
    );
    expect((await client().listTools()).tools.length).toBeGreaterThan(0);
  });

  it('include_last_log shows the last successful run, not a later failure', async () => {
    await callTool(client(), 'create_runbook_log', {
      runbook_name: 'db/restore',
      execution_log: 'Broke at step 2.',
      outcome: 'failure',
      run_id: runId,
    });
    const prompt = promptText(
      await client().getPrompt({
        name: 'get_runbook_as_prompt',
        arguments: {
          runbook_search_keyword: 'db/restore',
          vars: 'target=prod,db_password=pw-two-2',
          include_last_log: 'true',
        },
      }),
    );
    expect(prompt).toContain('the log of the last successful run');
    expect(prompt).toContain('restored 12 tables');
    expect(prompt).not.toContain('Broke at step 2.');
    expect(prompt).not.toContain(SECRET);
  });

  it('runbook render --from-log fills the values from the receipt, never the secret', async () => {
    const run = (args: string[]) =>
      runCliCaptured([...args, '--dir', running.fx.dir, '--logs', running.fx.logs], {
        env: { RUNBOOK_COMPANION_DATA: running.fx.data },
        cwd: running.fx.dir,
      });
    const json = await run(['logs', 'db/restore', logId, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: logId,
      receipt: {
        runId,
        outcome: 'success',
        values: { target: 'staging' },
        secrets: ['db_password'],
      },
    });
    const missingSecret = await run(['render', 'db/restore', '--from-log', logId]);
    expect(missingSecret.code).toBe(2);
    expect(missingSecret.stderr).toContain('--var db_password=…');
    expect(missingSecret.stderr).toContain('db_password');
    const again = await run([
      'render',
      'db/restore',
      '--from-log',
      logId,
      '--var',
      'db_password=new-pw-1',
    ]);
    expect(again).toMatchObject({ code: 0, stdout: 'mysql -pnew-pw-1 staging < dump.sql\n' });
    const overridden = await run([
      'render',
      'db/restore',
      '--from-log',
      logId,
      '--var',
      'db_password=new-pw-1',
      '--var',
      'target=prod',
    ]);
    expect(overridden.stdout).toBe('mysql -pnew-pw-1 prod < dump.sql\n');
  });

  it('runbook render --from-log a log without receipt says why and what to do', async () => {
    const logs = await fs.readdir(path.join(running.fx.logs, logFolderName('db/restore')));
    let plain = '';
    for (const id of logs)
      if ((await logOnDisk('db/restore', id)).startsWith('# Execution')) plain = id;
    let stderr = '';
    const code = await runCli(
      [
        'render',
        'db/restore',
        '--from-log',
        plain,
        '--dir',
        running.fx.dir,
        '--logs',
        running.fx.logs,
      ],
      {
        stdout: () => undefined,
        stderr: (t) => void (stderr += t),
        env: { RUNBOOK_COMPANION_DATA: running.fx.data },
        cwd: running.fx.dir,
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('it has no receipt');
    expect(stderr).toContain('--var');
  });
});
