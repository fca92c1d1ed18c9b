/**
 * Hostile YAML and over-long arguments through the real processes: the built `runbook` CLI and
 * the MCP server over stdio. Each stays alive, each answer stays small, and the file at fault is
 * named in it.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../engine/limits.js';
import { aliasBombRunbook, deepBracketRunbook } from '../test-support/hostile-yaml.js';
import { builtServerCopy, removeServerCopy } from './test-build.js';
import {
  callTool,
  FIXTURE_FILES,
  makeFixture,
  startServer,
  textOf,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';

const MB = 1024 * 1024;

/** The reproduction: three files that opened `[` 200,000 times, and an 89 MB alias bomb. */
const HOSTILE_FILES: Record<string, string> = {
  ...FIXTURE_FILES,
  'deep1.md': deepBracketRunbook('Deep one'),
  'deep2.md': deepBracketRunbook('Deep two'),
  'deep3.md': deepBracketRunbook('Deep three'),
  'bomb.md': aliasBombRunbook(),
};

const BROKEN_ENV_FILES: Record<string, string> = {
  ...FIXTURE_FILES,
  'env.yaml': `deployments: ${'['.repeat(100)}\n`,
};

let cliCopy: string;
let mcpCopy: string;
beforeAll(async () => {
  [cliCopy, mcpCopy] = await Promise.all([builtServerCopy('cli.js'), builtServerCopy('mcp.js')]);
});
afterAll(async () => {
  await removeServerCopy(cliCopy);
  await removeServerCopy(mcpCopy);
});

/** Every path under `dir`, but the app's own index cache (in its data folder), which may change. */
async function listing(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true });
  return all.filter((p) => !/(^|[\\/])index-cache([\\/]|$)/.test(p)).sort();
}

describe('the runbook CLI process', () => {
  let hostile: Fixture;
  let brokenEnv: Fixture;
  beforeAll(async () => {
    [hostile, brokenEnv] = await Promise.all([
      makeFixture(HOSTILE_FILES),
      makeFixture(BROKEN_ENV_FILES),
    ]);
  });
  afterAll(async () => {
    await hostile.cleanup();
    await brokenEnv.cleanup();
  });

  const run = (fx: Fixture, args: string[]) =>
    spawnSync(process.execPath, [cliCopy, ...args, '--dir', fx.dir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', RUNBOOK_COMPANION_DATA: fx.data },
      timeout: 60_000,
      maxBuffer: 64 * MB,
    });

  it.each([
    {
      why: 'list (it aborted with a V8 regexp out-of-memory)',
      args: ['list'],
      stdout: /^deep1\s+Deep one$/m,
    },
    {
      why: 'plain list names each file at fault on stderr, keeping stdout for the runbooks',
      args: ['list'],
      stdout: /^good\b|^docs\/redis\/README\b/m,
      stderr: /^runbook list: \w+: deep3\.md:2(:\d+)?: /m,
    },
    {
      why: 'list --json names each file at fault and why',
      args: ['list', '--json'],
      stdout: /"file": "deep2\.md",\s+"line": 2/,
    },
    {
      why: 'the alias bomb is reported, not expanded',
      args: ['list', '--json'],
      stdout: /"message": "Front matter is not read: it is \d+ characters long/,
    },
    {
      why: 'other runbooks still render',
      args: ['render', 'docs/redis/README', '--var', 'instance=cache-1'],
      stdout: /redis-cli -h cache-1 --bigkeys \| head -n 10/,
    },
  ])('$why', ({ args, stdout, stderr }) => {
    const before = Date.now();
    const result = run(hostile, args);
    if (stderr) expect(result.stderr).toMatch(stderr);
    expect(result.signal, result.stderr.slice(0, 2000)).toBeNull();
    expect(result.status, result.stderr.slice(0, 2000)).toBe(0);
    expect(result.stdout).toMatch(stdout);
    expect(result.stdout.length).toBeLessThan(MB);
    expect(Date.now() - before).toBeLessThan(30_000);
  });

  it('says env.yaml could not be loaded, with its place, when a render needs it', async () => {
    const before = await listing(brokenEnv.base);
    const result = run(brokenEnv, [
      'render',
      'deploy/rollback',
      '--vars',
      'service=api,cluster=east,ns=payments',
    ]);
    expect([result.signal, result.status]).toEqual([null, 2]);
    expect(result.stderr).toContain(`${path.join(brokenEnv.dir, 'env.yaml')}:1:`);
    expect(result.stderr).toMatch(/env\.yaml could not be loaded: collections nest deeper than 32/);
    expect(result.stderr).not.toMatch(/has no key/);
    expect(run(brokenEnv, ['render', 'notes']).status).toBe(0);
    expect(await listing(brokenEnv.base)).toEqual(before);
  });
});

describe('the MCP server process', () => {
  let hostile: Fixture;
  let srv: ServerHandle;
  let before: string[];
  beforeAll(async () => {
    hostile = await makeFixture(HOSTILE_FILES);
    before = await listing(hostile.base);
    srv = await startServer(mcpCopy, hostile);
  });
  afterAll(async () => {
    await srv.close();
    await hostile.cleanup();
  });

  /** Alive: it still answers a real call, and nothing in the fixture was written or lost. */
  async function expectAlive(): Promise<void> {
    const result = await callTool(srv.client, 'get_runbook', {
      name: 'docs/redis/README',
      vars: { instance: 'cache-2' },
    });
    expect(textOf(result)).toContain('redis-cli -h cache-2');
    expect(await listing(hostile.base)).toEqual(before);
  }

  it('lists every runbook in a small answer that names the files at fault', async () => {
    const result = await callTool(srv.client, 'list_runbooks', {});
    const size = JSON.stringify(result).length;
    expect(size).toBeLessThan(MB);
    const runbooks = (
      result.structuredContent as { runbooks: { name: string; problems?: string[] }[] }
    ).runbooks;
    const problems = new Map(runbooks.map((r) => [r.name, r.problems?.join(' ') ?? '']));
    for (const name of ['deep1', 'deep2', 'deep3', 'bomb'])
      expect(problems.get(name)).toMatch(new RegExp(`^${name}\\.md:2: Front matter is not read: `));
    expect(problems.get('docs/redis/README')).toBe('');
    await expectAlive();
  });

  it.each([
    {
      why: 'a runbook name over the limit',
      call: () => callTool(srv.client, 'get_runbook', { name: 'x'.repeat(MAX_NAME_LENGTH + 1) }),
      argument: 'name',
    },
    {
      why: 'a 20,000-character unknown name',
      call: () => callTool(srv.client, 'get_runbook', { name: 'y'.repeat(20_000) }),
      argument: 'name',
    },
    {
      why: 'a search query over the limit',
      call: () => callTool(srv.client, 'search_runbooks', { query: 'q'.repeat(5_000) }),
      argument: 'query',
    },
    {
      why: 'a folder over the limit',
      call: () => callTool(srv.client, 'list_runbooks', { folder: 'f/'.repeat(2_000) }),
      argument: 'folder',
    },
    {
      why: 'a variable value over the limit',
      call: () =>
        callTool(srv.client, 'get_runbook', {
          name: 'docs/redis/README',
          vars: { instance: 'v'.repeat(70_000) },
        }),
      argument: 'vars',
    },
  ])('refuses $why, naming the argument, and stays up', async ({ call, argument }) => {
    const outcome = await call().then(
      (result) => ({ isError: result.isError, text: textOf(result) }),
      (error: unknown) => ({
        isError: true,
        text: `${(error as { code?: number }).code}: ${String(error)}`,
      }),
    );
    expect(outcome.isError).toBe(true);
    expect(outcome.text).toContain(argument);
    expect(outcome.text.length).toBeLessThan(10_000);
    await expectAlive();
  });

  it('refuses an over-long completion with -32602, and stays up', async () => {
    const error = await srv.client
      .complete({
        ref: { type: 'ref/resource', uri: 'runbooks://runbooks/{+name}' },
        argument: { name: 'name', value: 'z'.repeat(10_000) },
      })
      .then(
        () => undefined,
        (e: unknown) => e as { code?: number; message?: string },
      );
    expect(error?.code).toBe(-32602);
    expect(error?.message).toMatch(/Argument "name" is 10000 characters long/);
    await expectAlive();
  });
});

describe('the MCP server with a broken env.yaml', () => {
  let fx: Fixture;
  let srv: ServerHandle;
  beforeAll(async () => {
    fx = await makeFixture(BROKEN_ENV_FILES);
    srv = await startServer(mcpCopy, fx);
  });
  afterAll(async () => {
    await srv.close();
    await fx.cleanup();
  });

  it('get_runbook says env.yaml could not be loaded, never that a key is missing', async () => {
    const result = await callTool(srv.client, 'get_runbook', {
      name: 'deploy/rollback',
      vars: { service: 'api', cluster: 'east', ns: 'payments' },
    });
    const text = textOf(result);
    expect(text).toContain(`env.yaml could not be loaded: ${path.join(fx.dir, 'env.yaml')}:1:`);
    expect(text).not.toMatch(/has no key/);
  });

  it('a completion that needs env.yaml says why it has nothing', async () => {
    const prompts = await srv.client.listPrompts();
    const rollback = prompts.prompts.find((p) =>
      p.description?.includes('(runbook deploy/rollback)'),
    );
    const error = await srv.client
      .complete({
        ref: { type: 'ref/prompt', name: rollback!.name },
        argument: { name: 'service', value: '' },
      })
      .then(
        () => undefined,
        (e: unknown) => e as { code?: number; message?: string },
      );
    expect(error?.code).toBe(-32602);
    expect(error?.message).toMatch(
      /env\.yaml could not be loaded: .*env\.yaml:1:\d+ collections nest/,
    );
  });

  it('completions that do not need env.yaml still work', async () => {
    const result = await srv.client.complete({
      ref: { type: 'ref/resource', uri: 'runbooks://runbooks/{+name}' },
      argument: { name: 'name', value: 'docs/' },
    });
    expect(result.completion.values).toContain('docs/redis/README');
  });
});
