/**
 * Destruction through the real MCP server over stdio: exact names only, replaced text kept in
 * .trash/, refused names, links to outside, and bounded "did you mean" on hostile names. After each
 * case the server still answers, nothing outside the folder changed, and no user's byte was lost.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, startRunningServer, textOf, type RunningServer } from './test-harness.js';
import { snapshotFolder } from '../test-support/folder-snapshot.js';

let running: RunningServer;
let outside: string;
let outsideBefore: Record<string, string>;

beforeAll(async () => {
  running = await startRunningServer(async (fx) => {
    outside = path.join(fx.base, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'x.md'), '# Outside\n');
    await writeFile(path.join(fx.dir, 'rollback.md'), '# Top-level rollback\n');
    await mkdir(path.join(fx.dir, 'team'));
    await writeFile(path.join(fx.dir, 'team/important.md'), '# Important\n');
    await symlink(outside, path.join(fx.dir, 'linkdir'));
    await symlink(path.join(outside, 'x.md'), path.join(fx.dir, 'linked.md'));
  });
  outsideBefore = await snapshotFolder(outside);
}, 120_000);

afterAll(() => running?.stop());

async function call(tool: string, args: Record<string, unknown>) {
  const result = await callTool(running.srv.client, tool, args);
  await expect(running.srv.client.ping()).resolves.toBeDefined();
  expect(await snapshotFolder(outside)).toEqual(outsideBefore);
  return result;
}

const onDisk = (rel: string) => readFile(path.join(running.fx.dir, rel), 'utf8');

describe('tool annotations', () => {
  it('marks create_runbook and delete_runbook destructive', async () => {
    const { tools } = await running.srv.client.listTools();
    const hints = Object.fromEntries(tools.map((t) => [t.name, t.annotations?.destructiveHint]));
    expect(hints).toMatchObject({ create_runbook: true, delete_runbook: true });
  });
});

describe('delete_runbook takes the exact name', () => {
  it('"rollback" twice: the first trashes rollback, the second refuses and names the candidate', async () => {
    const log = await call('create_runbook_log', {
      runbook_name: 'rollback',
      execution_log: 'rolled back',
    });
    expect(log.isError).toBeFalsy();
    const first = await call('delete_runbook', { name: 'rollback' });
    expect(first.structuredContent).toMatchObject({ name: 'rollback' });
    const second = await call('delete_runbook', { name: 'rollback' });
    expect(second.isError).toBe(true);
    expect(textOf(second)).toMatch(/exactly "rollback".*deploy\/rollback/s);
    expect(await onDisk('deploy/rollback.md')).toMatch(/Roll back a deployment/);
    const logs = await call('list_runbook_logs', { name: 'rollback' });
    expect((logs.structuredContent as { logs: unknown[] }).logs).toHaveLength(1);
  });

  it.each(['IMPORTANT.md', 'important', 'Team/Important', 'TEAM\\IMPORTANT.MD'])(
    'refuses %s and keeps team/important',
    async (name) => {
      const result = await call('delete_runbook', { name });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/team\/important/);
      expect(await onDisk('team/important.md')).toBe('# Important\n');
    },
  );

  it.each(['linkdir/x', 'linked', 'linkdir/x.md'])(
    'refuses %s (a link to outside) and moves nothing',
    async (name) => {
      const result = await call('delete_runbook', { name });
      expect(result.isError).toBe(true);
      expect(await readdir(outside)).toEqual(['x.md']);
    },
  );
});

describe('create_runbook with overwrite keeps the previous text', () => {
  it('says where the previous text went, and it is there', async () => {
    const result = await call('create_runbook', {
      name: 'notes.txt',
      content: 'New notes\n',
      overwrite: true,
    });
    expect(result.isError).toBeFalsy();
    const kept = (result.structuredContent as { previousTextPath?: string }).previousTextPath;
    expect(kept).toMatch(/^\.trash\/[^/]+\/notes\.txt$/);
    expect(textOf(result)).toContain(kept);
    expect(await onDisk(kept!)).toBe('Plain notes about certificate expiry. Nothing to fill in.\n');
    expect(await onDisk('notes.txt')).toBe('New notes\n');
  });
});

describe('create_runbook refuses names no platform or store can hold', () => {
  it.each([
    ['Windows device name', 'NUL.md'],
    ['device folder and file', 'aux/com1'],
    ['device name with a space', 'con .md'],
    ['superscript device name', 'lpt²'],
    ['trailing dot', 'deploy/next.'],
    ['trailing space in a folder', 'deploy /next'],
    ['right-to-left override', 'ops/txt.\u202Edm'],
    ['a folder the store skips', 'node_modules/pkg/readme'],
    ['a hidden folder', 'ops/.cache/x'],
    ['a dot segment', 'a/./b'],
  ])('%s: %j is invalid-name and writes nothing', async (_why, name) => {
    const before = await snapshotFolder(running.fx.dir);
    const result = await call('create_runbook', { name, content: '# x\n' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/has a segment/);
    expect(await snapshotFolder(running.fx.dir)).toEqual(before);
  });
});

describe('hostile names cost bounded time', () => {
  it.each([
    ['get_runbook', { name: 'q'.repeat(20_000) }],
    ['delete_runbook', { name: 'q'.repeat(20_000) }],
    ['get_runbook', { name: `deploy/${'rollback'.repeat(2_500)}` }],
    ['list_runbook_logs', { name: './'.repeat(10_000) }],
  ])('%s with a 20,000-character name answers within 1.5 s', async (tool, args) => {
    const started = performance.now();
    const result = await call(tool, args);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(result.isError).toBe(true);
    expect(textOf(result).length).toBeLessThan(2000);
  });
});
