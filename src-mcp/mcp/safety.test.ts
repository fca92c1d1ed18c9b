/** Bad input through the real server: path tricks, overwrites, malformed arguments and raw garbage. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callTool,
  makeFixture,
  startRunningServer,
  startServer,
  textOf,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';
import { waitFor } from '../test-support/wait-for.js';

let entry: string;
let fx: Fixture;
let srv: ServerHandle;

let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ entry, fx, srv, stop } = await startRunningServer((f) =>
    mkdir(path.join(f.dir, 'folder.md')),
  ));
});
afterAll(() => stop?.());

/** Every file under the fixture's base, so a write anywhere outside the folder shows up. */
async function filesOutsideFolder(): Promise<string[]> {
  const all = await readdir(fx.base, { recursive: true });
  return all.filter(
    (f) => !f.startsWith('runbooks') && !f.startsWith('logs') && !f.startsWith('data'),
  );
}

describe('names that try to leave the folder', () => {
  it.each([
    { why: 'parent segment', name: '../evil' },
    { why: 'parent segment deeper down', name: 'a/../../evil' },
    { why: 'backslash parent segment', name: '..\\evil' },
    { why: 'absolute path', name: path.join(fx?.base ?? '/tmp', 'evil') },
    { why: 'root-relative path', name: '/etc/evil' },
    { why: 'Windows drive path', name: 'C:\\evil' },
    { why: 'NUL byte', name: 'ev\0il' },
    { why: 'empty name', name: '', schema: true },
    { why: 'blank name', name: '   ' },
    { why: 'over-long name', name: 'x'.repeat(5000), schema: true },
    { why: 'hidden segment', name: '.trash/evil' },
    { why: 'a folder', name: 'folder.md' },
  ])('create_runbook refuses a $why with a fix', async ({ name, schema }) => {
    const result = await callTool(srv.client, 'create_runbook', { name, content: '# Evil\n' });
    expect(result.isError).toBe(true);
    // The engine's refusals add a fix on a line of its own; the schema's (before any work) say it inline.
    if (schema) expect(textOf(result)).toMatch(/runbook name is .*: give /);
    else expect(textOf(result).split('\n').length).toBeGreaterThan(1);
  });

  it.each([
    { tool: 'get_runbook', args: { name: '../../etc/passwd' } },
    { tool: 'delete_runbook', args: { name: '../runbooks/notes' } },
    { tool: 'delete_runbook', args: { name: '/etc/passwd' } },
    { tool: 'create_runbook_log', args: { runbook_name: '../../escape', execution_log: 'x' } },
    { tool: 'list_runbook_logs', args: { name: '../../..' } },
  ])('$tool refuses $args.name$args.runbook_name', async ({ tool, args }) => {
    const result = await callTool(srv.client, tool, args);
    expect(result.isError).toBe(true);
  });

  it.each([
    'runbooks://runbooks/../../etc/passwd',
    'runbooks://runbooks/%2e%2e/%2e%2e/etc/passwd',
    'runbooks://runbooks/..%2F..%2Fetc%2Fpasswd',
    'runbooks://runbooks/%E0%A4%A',
  ])('resource %s is an error, not a file outside', async (uri) => {
    await expect(srv.client.readResource({ uri })).rejects.toThrow();
  });

  it('wrote nothing outside the folder, and nothing named evil anywhere', async () => {
    expect(await filesOutsideFolder()).toEqual([]);
    expect((await readdir(fx.dir, { recursive: true })).filter((f) => f.includes('evil'))).toEqual(
      [],
    );
    expect(existsSync(path.join(path.dirname(fx.base), 'evil.md'))).toBe(false);
  });
});

describe('overwrite and delete', () => {
  it('create_runbook refuses to replace unless overwrite is true', async () => {
    const refused = await callTool(srv.client, 'create_runbook', {
      name: 'notes',
      content: 'replaced',
    });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/overwrite/);
    const replaced = await callTool(srv.client, 'create_runbook', {
      name: 'notes',
      content: '# Replaced\n',
      overwrite: true,
    });
    expect(replaced.isError).toBeFalsy();
  });

  it('delete_runbook of something missing says so', async () => {
    const result = await callTool(srv.client, 'delete_runbook', { name: 'never/was' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/never\/was/);
  });
});

describe('broken files affect only what needs them', () => {
  it('a broken env.yaml fails env-using runbooks and no others', async () => {
    const other = await makeFixture();
    await writeFile(path.join(other.dir, 'env.yaml'), 'deployments: [unclosed\n  : :\n');
    await writeFile(
      path.join(other.dir, 'broken-front.md'),
      '---\ntitle: [oops\n---\n# Still here\n',
    );
    const server = await startServer(entry, other, ['--no-watch']);
    try {
      const redis = await callTool(server.client, 'get_runbook', {
        name: 'docs/redis/README',
        vars: { instance: 'cache-1' },
      });
      expect(redis.isError).toBeFalsy();
      expect((redis.structuredContent as { complete: boolean }).complete).toBe(true);
      const rollback = await callTool(server.client, 'get_runbook', {
        name: 'deploy/rollback',
        vars: { service: 'api', cluster: 'east', ns: 'payments' },
      });
      expect(textOf(rollback)).toMatch(/env\.yaml/);
      const list = await callTool(server.client, 'list_runbooks');
      expect(
        (list.structuredContent as { runbooks: { name: string }[] }).runbooks.map((r) => r.name),
      ).toContain('broken-front');
    } finally {
      await server.close();
      await other.cleanup();
    }
  });
});

describe('malformed arguments', () => {
  const junk: unknown[] = [
    null,
    42,
    -1,
    1e308,
    true,
    '',
    'x'.repeat(100_000),
    [],
    ['a'],
    {},
    { a: { b: { c: [] } } },
    '../..',
    '\0',
  ];
  const fields: Record<string, string[]> = {
    search_runbooks: ['query', 'limit'],
    get_runbook: ['name', 'vars'],
    list_runbooks: ['folder', 'limit'],
    create_runbook: ['name', 'content', 'overwrite'],
    delete_runbook: ['name'],
    create_runbook_log: ['runbook_name', 'execution_log'],
    list_runbook_logs: ['name'],
    reindex_runbooks: [],
    request_approval: ['message', 'timeout_seconds'],
  };

  it('every tool answers every junk value without the server going down', async () => {
    let calls = 0;
    for (const [tool, names] of Object.entries(fields)) {
      for (const field of [...names, 'unexpected']) {
        for (const value of junk) {
          const result = await callTool(srv.client, tool, { [field]: value });
          expect(Array.isArray(result.content), `${tool}.${field}`).toBe(true);
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThan(200);
    await expect(srv.client.ping()).resolves.toBeDefined();
    expect(await filesOutsideFolder()).toEqual([]);
  });

  it('an unknown tool is an error result, not a crash', async () => {
    const result = await callTool(srv.client, 'rm_rf', {});
    expect(result.isError).toBe(true);
    await expect(srv.client.ping()).resolves.toBeDefined();
  });
});

describe('raw malformed JSON-RPC on stdin', () => {
  it('answers what it can, ignores garbage, and keeps serving', async () => {
    const child = spawn(
      process.execPath,
      [entry, '--dir', fx.dir, '--logs', fx.logs, '--no-watch'],
      {
        env: { PATH: process.env.PATH ?? '', RUNBOOK_COMPANION_DATA: fx.data },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const send = (line: string | Buffer) =>
      child.stdin.write(
        typeof line === 'string' ? `${line}\n` : Buffer.concat([line, Buffer.from('\n')]),
      );
    const responses = () =>
      out
        .split('\n')
        .filter(Boolean)
        .map(
          (l) =>
            JSON.parse(l) as { id?: number | null; error?: { code: number }; result?: unknown },
        );
    try {
      send('this is not json');
      send('{');
      send('[1,2,3]');
      send('{}');
      send('{"jsonrpc":"2.0"}');
      send(Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
      send(
        `{"jsonrpc":"2.0","id":99,"method":"tools/call","params":{"name":"search_runbooks","arguments":{"query":"${'a'.repeat(200_000)}"}}}`,
      );
      send('{"jsonrpc":"2.0","id":1,"method":"no/such/method"}');
      send('{"jsonrpc":"2.0","id":2,"method":"tools/call","params":"nonsense"}');
      send('{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":42}}');
      send(
        '{"jsonrpc":"2.0","id":4,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}',
      );
      send('{"jsonrpc":"2.0","method":"notifications/initialized"}');
      send('{"jsonrpc":"2.0","id":5,"method":"tools/list"}');
      await waitFor(() => responses().some((r) => r.id === 5), {
        what: 'the answer to the last request',
        timeout: 15_000,
      });
      const byId = new Map(responses().map((r) => [r.id, r]));
      expect(byId.get(1)?.error?.code).toBe(-32601);
      expect(byId.get(2)?.error?.code).toBe(-32600);
      const anonymous = responses()
        .filter((r) => r.id === null)
        .map((r) => r.error?.code);
      // not json, {, the bad bytes → parse errors; [1,2,3], {}, {"jsonrpc"} → invalid requests.
      expect(anonymous.sort()).toEqual([-32700, -32700, -32700, -32600, -32600, -32600].sort());
      expect(byId.get(3)?.error?.code).toBe(-32602);
      expect(byId.get(4)?.result).toBeDefined();
      expect((byId.get(5)?.result as { tools: unknown[] }).tools.length).toBeGreaterThan(5);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });
});
