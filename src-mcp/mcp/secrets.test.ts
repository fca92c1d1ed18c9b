/**
 * A secret variable's value, rendered by get_runbook or a prompt, never reaches a log file and never
 * comes back out of one, through the real server over stdio.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logFolderName } from '../engine/logs.js';
import {
  callTool,
  promptText,
  startRunningServer,
  textOf,
  type RunningServer,
} from './test-harness.js';

const SECRET = 'Zq8-vault-Pass-2291';
const ENV_SECRET = 'env-db-pw-55301';
const RUNBOOK = 'db/restore';
const OLD_LOG_ID = '2020-01-01T00-00-00.000Z.md';
const RUNBOOK_TEXT = [
  '---',
  'variables:',
  '  db_password: { secret: true, description: Root password of the database }',
  '---',
  '# Restore the database',
  '',
  'mysql -h db.internal -u root -p{var.db_password} < dump.sql',
  'export PGPASSWORD={env[db][password]}',
  '',
].join('\n');

let server: RunningServer;
let outsideBefore: string[];

beforeAll(async () => {
  server = await startRunningServer(async (fx) => {
    await mkdir(path.join(fx.dir, 'db'), { recursive: true });
    await writeFile(path.join(fx.dir, `${RUNBOOK}.md`), RUNBOOK_TEXT);
    const env = await readFile(path.join(fx.dir, 'env.yaml'), 'utf8');
    await writeFile(path.join(fx.dir, 'env.yaml'), `${env}db:\n  password: ${ENV_SECRET}\n`);
    // A log from before: the server has not rendered its secret yet when it starts.
    const folder = path.join(fx.logs, logFolderName(RUNBOOK));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, OLD_LOG_ID), `# old run\nmysql -pOldPw!x\nused ${SECRET}\n`);
  });
  outsideBefore = await filesOutsideFolders();
}, 120_000);
afterAll(() => server?.stop());

async function filesOutsideFolders(): Promise<string[]> {
  const all = await readdir(server.fx.base, { recursive: true });
  return all.filter((f) => !/^(runbooks|logs|data)(\/|$)/.test(f)).sort();
}

/** Every byte the server wrote under the logs folder (the old log predates it, so it is left out). */
async function everyLogByte(): Promise<string> {
  const files = await readdir(server.fx.logs, { recursive: true });
  const written = files.filter((f) => !f.endsWith(OLD_LOG_ID));
  const texts = await Promise.all(
    written.map((f) => readFile(path.join(server.fx.logs, f), 'utf8').catch(() => '')),
  );
  expect(written.length).toBeGreaterThan(0);
  return texts.join('\n');
}

/** The earlier tool's prompt with the secret filled in and the latest log attached. */
async function compatPrompt(): Promise<string> {
  const result = await server.srv.client.getPrompt({
    name: 'get_runbook_as_prompt',
    arguments: {
      runbook_search_keyword: RUNBOOK,
      vars: `db_password=${SECRET}`,
      include_last_log: 'true',
    },
  });
  return promptText(result);
}

function pastRunOf(prompt: string): string {
  return /<past_run_log>([\s\S]*)<\/past_run_log>/.exec(prompt)?.[1] ?? '';
}

describe('a log written before the secret was known', () => {
  it('is redacted when include_last_log serves it, and its file is left as it was', async () => {
    const file = path.join(server.fx.logs, logFolderName(RUNBOOK), OLD_LOG_ID);
    const before = await readFile(file, 'utf8');
    // Rendering the prompt is what tells the server the secret; the old log is still the latest.
    const pastRun = pastRunOf(await compatPrompt());
    expect(pastRun).toContain('# old run');
    for (const leak of [SECRET, 'OldPw!x']) expect(pastRun).not.toContain(leak);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('a secret rendered by get_runbook never reaches a log', () => {
  let rendered = '';

  beforeAll(async () => {
    const result = await callTool(server.srv.client, 'get_runbook', {
      name: RUNBOOK,
      vars: { db_password: SECRET },
    });
    rendered = textOf(result);
  });

  it('get_runbook does hand the value to the model (that is its job)', () => {
    expect(rendered).toContain(`-p${SECRET}`);
    expect(rendered).toContain(ENV_SECRET);
  });

  const echoes: { why: string; log: () => string; leaks: string[] }[] = [
    { why: 'the rendered runbook echoed whole', log: () => rendered, leaks: [SECRET, ENV_SECRET] },
    {
      why: 'the bare value in a summary',
      log: () => `Logged in with ${SECRET}, ok.`,
      leaks: [SECRET],
    },
    { why: 'the value in JSON', log: () => JSON.stringify({ pw: SECRET }), leaks: [SECRET] },
    {
      why: 'the value base64-encoded by kubectl',
      log: () => `data: ${Buffer.from(SECRET).toString('base64')}`,
      leaks: [SECRET, Buffer.from(SECRET).toString('base64')],
    },
    {
      why: 'a password the server never saw, in mysql -p shape',
      log: () => 'mysql -u root -pN3verSeen!x -e "select 1"',
      leaks: ['N3verSeen!x'],
    },
    {
      why: 'a YAML secret on the next line',
      log: () => 'values:\n  password:\n    next-line-pw-1\n',
      leaks: ['next-line-pw-1'],
    },
    {
      why: 'a cookie header',
      log: () => 'curl -H "Cookie: sid=cookie-val-77" https://app',
      leaks: ['cookie-val-77'],
    },
  ];
  it.each(echoes)('create_runbook_log: $why', async ({ log, leaks }) => {
    const result = await callTool(server.srv.client, 'create_runbook_log', {
      runbook_name: RUNBOOK,
      execution_log: log(),
    });
    expect(result.isError).toBeFalsy();
    const onDisk = await everyLogByte();
    for (const leak of leaks) expect(onDisk).not.toContain(leak);
    // The process is alive and wrote nothing outside its folders; stderr holds no secret either.
    expect(server.srv.transport.pid).not.toBeNull();
    expect(await filesOutsideFolders()).toEqual(outsideBefore);
    expect(server.srv.stderr()).not.toContain(SECRET);
  });

  it('list_runbook_logs, include_last_log and resources serve no secret', async () => {
    const listed = await callTool(server.srv.client, 'list_runbook_logs', { name: RUNBOOK });
    const prompt = await compatPrompt();
    const resource = await server.srv.client.readResource({
      uri: `runbooks://runbooks/${RUNBOOK}`,
    });
    const served = [
      textOf(listed),
      JSON.stringify(listed.structuredContent),
      pastRunOf(prompt),
      JSON.stringify(resource),
    ].join('\n');
    expect(pastRunOf(prompt)).not.toBe('');
    for (const leak of [SECRET, ENV_SECRET]) expect(served).not.toContain(leak);
  });
});
