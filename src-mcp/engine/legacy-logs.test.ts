/**
 * The earlier Python tool's logs (`<name>_<YYYY-MM-DD_HH:MM:SS>.log`, flat in its logs folder)
 * stay listable and readable after a migration: in the engine, through the real MCP server, the
 * `runbook logs` command and the app's API, and as the past-run example of a prompt.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../api/service.js';
import { dispatchCall } from '../api/dispatch.js';
import { confSettingsStore } from '../api/conf-settings.js';
import { runCli } from '../cli/runbook-cli.js';
import {
  callTool,
  promptText,
  startRunningServer,
  textOf,
  type RunningServer,
} from '../mcp/test-harness.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { Engine } from './engine.js';
import { LogStore } from './logs.js';

const OLD = 'b_2025-03-01_10:00:00.log';
const NEWER = 'b_2025-03-02_09:30:00.log';
const OLD_TEXT = 'Earlier tool run: restarted b, all green.\n';

async function legacyFolder(): Promise<string> {
  return makeFolder(
    {
      [OLD]: OLD_TEXT,
      [NEWER]: 'second run\n',
      'a_b_2025-03-01_10:00:00.log': 'belongs to a_b\n',
      'b_2025-13-40_10:00:00.log': 'no such date\n',
      'b_2025-03-01.log': 'no time\n',
      'b_2025-03-03_08:00:00.md': 'not a .log\n',
      'notes.txt': 'unrelated\n',
    },
    'legacy-logs-',
  );
}

describe('LogStore: which of the earlier tool’s files belong to a runbook', () => {
  let store: LogStore;
  beforeAll(async () => {
    const dir = await legacyFolder();
    await fs.mkdir(path.join(dir, 'b_2025-03-04_08:00:00.log'));
    store = new LogStore(dir);
  });

  const rows: { why: string; runbook: string; ids: string[] }[] = [
    { why: 'its name was the base name of a/b', runbook: 'a/b', ids: [NEWER, OLD] },
    { why: 'a top-level runbook by its own name', runbook: 'b', ids: [NEWER, OLD] },
    {
      why: 'the longest name before the stamp wins',
      runbook: 'a_b',
      ids: ['a_b_2025-03-01_10:00:00.log'],
    },
    { why: 'another runbook sees none', runbook: 'deploy/rollback', ids: [] },
  ];
  it.each(rows)('$why', async ({ runbook, ids }) => {
    expect((await store.list(runbook)).map((entry) => entry.id)).toEqual(ids);
  });

  it('the time is the local time the tool wrote; the size is the file’s', async () => {
    const [, old] = await store.list('a/b');
    expect(old).toEqual({
      id: OLD,
      runbook: 'a/b',
      createdAt: new Date(2025, 2, 1, 10, 0, 0).toISOString(),
      size: Buffer.byteLength(OLD_TEXT),
    });
    expect(await store.read('a/b', OLD)).toBe(OLD_TEXT);
  });

  it('merges with its own logs, newest first', async () => {
    const dir = await legacyFolder();
    const mixed = new LogStore(dir);
    const own = await mixed.append('a/b', 'ours', new Date(2025, 2, 1, 12, 0, 0));
    expect((await mixed.list('a/b')).map((entry) => entry.id)).toEqual([NEWER, own.id, OLD]);
    expect((await mixed.latest('a/b'))?.text).toBe('second run\n');
  });

  const refused: { why: string; runbook: string; id: string; code: string }[] = [
    {
      why: 'a log of another runbook',
      runbook: 'a/b',
      id: 'a_b_2025-03-01_10:00:00.log',
      code: 'not-found',
    },
    {
      why: 'a log that is not there',
      runbook: 'b',
      id: 'b_2020-01-01_00:00:00.log',
      code: 'not-found',
    },
    {
      why: 'a path out of the folder',
      runbook: 'b',
      id: '../b_2025-03-01_10:00:00.log',
      code: 'invalid-name',
    },
  ];
  it.each(refused)('read refuses $why', async ({ runbook, id, code }) => {
    await expect(store.read(runbook, id)).rejects.toMatchObject({ code });
  });
});

describe('every face serves the earlier tool’s logs', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startRunningServer(async (fx) => {
      await fs.mkdir(fx.logs, { recursive: true });
      await fs.writeFile(path.join(fx.logs, OLD), OLD_TEXT);
    });
  });
  afterAll(async () => server.stop());

  it('MCP: list_runbook_logs lists it and include_last_log uses it', async () => {
    const listed = await callTool(server.srv.client, 'list_runbook_logs', { name: 'a/b' });
    expect(listed.isError).toBeFalsy();
    expect(textOf(listed)).toContain(OLD);
    const prompt = await server.srv.client.getPrompt({
      name: 'get_runbook_as_prompt',
      arguments: { runbook_search_keyword: 'a/b', include_last_log: 'true' },
    });
    expect(promptText(prompt)).toMatch(/<past_run_log>\n[\s\S]*Earlier tool run: restarted b/);
  });

  it('CLI: runbook logs lists it and prints it', async () => {
    const { dir, logs, data } = server.fx;
    const cli = async (args: string[]): Promise<string> => {
      let stdout = '';
      const code = await runCli(['logs', ...args, '--dir', dir, '--logs', logs], {
        stdout: (text) => void (stdout += text),
        stderr: () => undefined,
        env: { RUNBOOK_COMPANION_DATA: data },
        cwd: dir,
      });
      expect(code).toBe(0);
      return stdout;
    };
    expect(await cli(['a/b'])).toContain(OLD);
    expect(await cli(['a/b', OLD])).toBe(OLD_TEXT);
  });

  it('API: logsList and logsRead', async () => {
    const { dir, logs, data } = server.fx;
    const handlers = createService(
      { engine: Engine.open({ dir, logsDir: logs }) },
      {
        clients: { launch: () => ({ command: process.execPath, args: [] }) },
        settings: confSettingsStore(data),
        watchStatus: () => ({ state: 'watching' }),
      },
    );
    const list = await dispatchCall(handlers, 'logsList', { name: 'a/b' });
    expect(list).toMatchObject({ ok: true, value: [{ id: OLD }] });
    const read = await dispatchCall(handlers, 'logsRead', { name: 'a/b', id: OLD });
    expect(read).toMatchObject({ ok: true, value: { text: OLD_TEXT } });
  });
});
