/** The MCP Inspector's CLI can talk to the server (when npx can fetch it here). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy } from './test-build.js';
import { makeFixture, type Fixture } from './test-harness.js';

const run = promisify(execFile);
let entry: string;
let fx: Fixture;

beforeAll(async () => {
  entry = await builtServerCopy();
  fx = await makeFixture();
});

afterAll(async () => {
  await removeServerCopy(entry);
  await fx?.cleanup();
});

it(
  'lists the tools through @modelcontextprotocol/inspector --cli',
  { timeout: 240_000 },
  async (ctx) => {
    const args = [
      '-y',
      '@modelcontextprotocol/inspector',
      '--cli',
      process.execPath,
      entry,
      '--dir',
      fx.dir,
      '--logs',
      fx.logs,
      '--no-watch',
      '--method',
      'tools/list',
    ];
    let stdout: string;
    try {
      ({ stdout } = await run('npx', args, {
        timeout: 200_000,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, RUNBOOK_COMPANION_DATA: fx.data },
      }));
    } catch (error) {
      const text = String((error as { stderr?: string }).stderr ?? error);
      if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|network|404 Not Found|E404/i.test(text)) {
        ctx.skip(
          `The MCP Inspector could not be installed here, so this check is skipped: ${text.split('\n')[0]}`,
        );
      }
      throw error;
    }
    const { tools } = JSON.parse(stdout) as { tools: { name: string }[] };
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['search_runbooks', 'get_runbook', 'create_runbook_log']),
    );
  },
);
