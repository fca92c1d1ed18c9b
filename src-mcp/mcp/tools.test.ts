/** The real server (dist/mcp.js) over stdio: every tool. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApprovalServer } from '../approval/server.js';
import {
  callTool,
  startRunningServer,
  textOf,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';

let fx: Fixture;
let srv: ServerHandle;

let stop: (() => Promise<void>) | undefined;

beforeAll(async () => ({ fx, srv, stop } = await startRunningServer()));
afterAll(() => stop?.());

const data = (result: { structuredContent?: unknown }) =>
  result.structuredContent as Record<string, unknown>;

describe('tools', () => {
  const expected = [
    'create_runbook',
    'create_runbook_log',
    'delete_runbook',
    'get_runbook',
    'list_due_runbooks',
    'list_runbook_logs',
    'list_runbooks',
    'open_runbook_form',
    'preview_runbook_form',
    'reindex_runbooks',
    'request_approval',
    'runbook_form_prompt',
    'search_runbooks',
  ];

  it('lists every tool with a title, annotations and described inputs', async () => {
    const { tools } = await srv.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(expected);
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
      expect(tool.annotations?.openWorldHint, tool.name).toBe(false);
      expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
      expect(tool.outputSchema, tool.name).toBeDefined();
      const props = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [field, schema] of Object.entries(props))
        expect(schema.description, `${tool.name}.${field}`).toBeTruthy();
    }
    const readOnly = tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name);
    expect(readOnly).toEqual(
      expect.arrayContaining([
        'search_runbooks',
        'get_runbook',
        'list_runbooks',
        'list_runbook_logs',
      ]),
    );
    expect(tools.find((t) => t.name === 'delete_runbook')?.annotations?.destructiveHint).toBe(true);
  });

  it('search_runbooks ranks the matching runbook first, with a snippet', async () => {
    const result = await callTool(srv.client, 'search_runbooks', {
      query: 'redis memory',
      limit: 3,
    });
    const hits = data(result).hits as { name: string; snippet: string }[];
    expect(hits[0]?.name).toBe('docs/redis/README');
    expect(hits[0]?.snippet).toMatch(/«/);
    expect(textOf(result)).toContain('docs/redis/README');
  });

  it('get_runbook lists what is missing instead of guessing', async () => {
    const result = await callTool(srv.client, 'get_runbook', { name: 'docs/redis/README' });
    expect(result.isError).toBeFalsy();
    expect(data(result)).toMatchObject({ name: 'docs/redis/README', complete: false });
    const missing = data(result).missing as { key: string; line: number }[];
    expect(missing.map((m) => m.key)).toEqual(['var.instance']);
    expect(missing[0]?.line).toBe(14);
    expect(textOf(result)).toContain(
      'var.instance (line 14): Redis host to inspect. One of: cache-1, cache-2.',
    );
  });

  it('get_runbook fills values, defaults and env, and leaves foreign braces alone', async () => {
    const redis = await callTool(srv.client, 'get_runbook', {
      name: 'docs/redis/README',
      vars: { instance: 'cache-2' },
    });
    const text = String(data(redis).text);
    expect(data(redis).complete).toBe(true);
    expect(text).toContain('redis-cli -h cache-2 --bigkeys | head -n 10');
    expect(text).toContain('redis_memory_used_bytes{job="redis"}');
    expect(text).toContain('echo "${HOME}" {{ .Values.x }}');
    const rollback = await callTool(srv.client, 'get_runbook', {
      name: 'rollback',
      vars: { service: 'api', cluster: 'east', ns: 'payments' },
    });
    expect(String(data(rollback).text)).toContain('kubectl -n api-prod rollout undo deploy/api');
    expect(String(data(rollback).text)).toContain('--context east-payments get pods');
  });

  it('get_runbook names an unknown env key and the line', async () => {
    const result = await callTool(srv.client, 'get_runbook', {
      name: 'deploy/rollback',
      vars: { service: 'db', cluster: 'east', ns: 'x' },
    });
    expect(data(result).complete).toBe(false);
    expect((data(result).missing as { kind: string }[]).every((m) => m.kind === 'env')).toBe(true);
  });

  it('list_runbooks lists all, or one folder', async () => {
    const all = await callTool(srv.client, 'list_runbooks');
    const names = (data(all).runbooks as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['a/b', 'a_b', 'deploy/rollback', 'docs/redis/README', 'notes']),
    );
    const docs = await callTool(srv.client, 'list_runbooks', { folder: 'docs/' });
    expect((data(docs).runbooks as { name: string }[]).map((r) => r.name)).toEqual([
      'docs/redis/README',
    ]);
    const limited = await callTool(srv.client, 'list_runbooks', { limit: 1 });
    expect(data(limited).runbooks).toHaveLength(1);
    expect(data(limited).total).toBe(names.length);
  });

  it('create_runbook writes a runbook that every face then sees', async () => {
    const result = await callTool(srv.client, 'create_runbook', {
      name: 'ops/new-one',
      content: '# New one\n\nping {var.host}\n',
    });
    expect(result.isError).toBeFalsy();
    expect(data(result)).toMatchObject({
      path: 'ops/new-one.md',
      runbook: { name: 'ops/new-one', title: 'New one' },
    });
    expect(existsSync(path.join(fx.dir, 'ops', 'new-one.md'))).toBe(true);
    const read = await srv.client.readResource({ uri: 'runbooks://runbooks/ops/new-one' });
    expect(read.contents[0]).toMatchObject({ text: '# New one\n\nping {var.host}\n' });
  });

  it('create_runbook refuses a taken name and says how this tool can replace it', async () => {
    const taken = await callTool(srv.client, 'create_runbook', { name: 'notes', content: 'x\n' });
    expect(taken.isError).toBe(true);
    expect(textOf(taken)).toMatch(/already exists/);
    expect(textOf(taken)).toMatch(/Choose another name\. .*overwrite: true/);
  });

  it('create_runbook_log saves a log that list_runbook_logs returns', async () => {
    const saved = await callTool(srv.client, 'create_runbook_log', {
      runbook_name: 'notes',
      execution_log: 'Checked certs: fine.',
    });
    expect(saved.isError).toBeFalsy();
    const logs = await callTool(srv.client, 'list_runbook_logs', { name: 'notes' });
    const entries = data(logs).logs as { id: string; runbook: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      runbook: 'notes',
      id: (data(saved).log as { id: string }).id,
    });
    expect((await readdir(fx.logs, { recursive: true })).length).toBeGreaterThan(0);
  });

  it('delete_runbook moves the file into .trash', async () => {
    await callTool(srv.client, 'create_runbook', { name: 'tmp/doomed', content: '# Doomed\n' });
    const result = await callTool(srv.client, 'delete_runbook', { name: 'tmp/doomed' });
    expect(result.isError).toBeFalsy();
    expect(existsSync(path.join(fx.dir, 'tmp', 'doomed.md'))).toBe(false);
    expect(await readdir(path.join(fx.dir, '.trash'), { recursive: true })).toEqual(
      expect.arrayContaining([expect.stringContaining('doomed')]),
    );
    const search = await callTool(srv.client, 'list_runbooks');
    expect((data(search).runbooks as { name: string }[]).map((r) => r.name)).not.toContain(
      'tmp/doomed',
    );
  });

  it('reindex_runbooks rescans and reports the total', async () => {
    const result = await callTool(srv.client, 'reindex_runbooks');
    expect(result.isError).toBeFalsy();
    expect(data(result).total).toBe(
      ((await callTool(srv.client, 'list_runbooks')).structuredContent as { total: number }).total,
    );
  });

  it('request_approval says plainly when the tray app is not running', async () => {
    const result = await callTool(srv.client, 'request_approval', {
      message: 'Restart the API pods?',
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/tray app is not running/);
    expect(textOf(result)).toMatch(/ask the user in the chat/);
  });

  it('request_approval returns the user’s answer from the tray app', async () => {
    const asked: string[] = [];
    const app = await startApprovalServer({
      dir: fx.data,
      onRequest: async ({ message }) => {
        asked.push(message);
        return false;
      },
    });
    try {
      const result = await callTool(srv.client, 'request_approval', {
        message: 'Fail over the database?',
        timeout_seconds: 10,
      });
      expect(result.isError).toBeFalsy();
      expect(data(result)).toEqual({ approved: false });
      expect(asked).toEqual(['Fail over the database?']);
    } finally {
      await app.close();
    }
  });
});
