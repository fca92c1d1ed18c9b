/**
 * The runbook folder is a boundary, through the real server over stdio: a link to a file or folder
 * outside it never reaches the model (list, search, get_runbook, resources, prompts), is told once
 * on stderr, and a folder that disappears stops serving its runbooks until it comes back.
 */
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callTool, startRunningServer, textOf, type RunningServer } from './test-harness.js';

/** Appears only in the files outside the folder: any hit means an outside byte was served. */
const SECRET_WORD = 'quokkacredential';
const SECRET_TEXT = `# Outside\n\naws_secret_access_key = ${SECRET_WORD}\n`;

const until = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 100 });

let running: RunningServer;
let outside: string;

beforeAll(async () => {
  running = await startRunningServer(async (fx) => {
    outside = path.join(fx.base, 'outside');
    await mkdir(path.join(outside, 'team'), { recursive: true });
    await writeFile(path.join(outside, 'secret.md'), SECRET_TEXT);
    await writeFile(path.join(outside, 'team', 'deploy.md'), SECRET_TEXT);
    await symlink('../outside/secret.md', path.join(fx.dir, 'creds.md'));
    await symlink(path.join(outside, 'team'), path.join(fx.dir, 'team'));
    await symlink('deploy/rollback.md', path.join(fx.dir, 'undo.md'));
  });
});
afterAll(() => running?.stop());

async function listedNames(): Promise<string[]> {
  const result = await callTool(running.srv.client, 'list_runbooks');
  expect(result.isError).toBeFalsy();
  const data = result.structuredContent as { runbooks: { name: string }[] };
  return data.runbooks.map((r) => r.name);
}

describe('links to outside the folder', () => {
  it('are not listed, while a link inside the folder is', async () => {
    const names = await listedNames();
    expect(names).toContain('undo');
    expect(names).not.toContain('creds');
    expect(names.some((n) => n.startsWith('team/'))).toBe(false);
  });

  it.each([
    {
      why: 'search_runbooks for a word only the outside file holds',
      tool: 'search_runbooks',
      args: { query: SECRET_WORD },
    },
    { why: 'get_runbook by the link name', tool: 'get_runbook', args: { name: 'creds' } },
    { why: 'get_runbook by the link file name', tool: 'get_runbook', args: { name: 'creds.md' } },
    {
      why: 'get_runbook through the folder link',
      tool: 'get_runbook',
      args: { name: 'team/deploy' },
    },
  ])('$why serves no outside byte', async ({ tool, args }) => {
    const result = await callTool(running.srv.client, tool, args);
    // The query itself is echoed back when nothing matches: look for the outside file's own text.
    expect(textOf(result)).not.toContain('aws_secret_access_key');
    if (tool === 'get_runbook') expect(result.isError).toBe(true);
    else expect(result.structuredContent).toMatchObject({ hits: [] });
  });

  it('resources and prompts leave them out, and resources/read refuses them', async () => {
    const { client } = running.srv;
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).join('\n')).not.toMatch(/creds|team\//);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).join('\n')).not.toMatch(/creds|team/);
    for (const uri of ['runbooks://runbooks/creds', 'runbooks://runbooks/team/deploy']) {
      const outcome = await client.readResource({ uri }).then(
        (r) => JSON.stringify(r),
        (e: unknown) => String(e),
      );
      expect(outcome).not.toContain(SECRET_WORD);
    }
    const index = await client.readResource({ uri: 'runbooks://runbooks' });
    expect(JSON.stringify(index)).not.toMatch(/creds|team\/deploy/);
  });

  it('are told once on stderr with the reason, even after a reindex', async () => {
    await callTool(running.srv.client, 'reindex_runbooks');
    await callTool(running.srv.client, 'reindex_runbooks');
    const stderr = running.srv.stderr();
    expect(stderr.match(/skipped creds\.md: outside-folder/g)).toHaveLength(1);
    expect(stderr.match(/skipped team: outside-folder/g)).toHaveLength(1);
    expect(stderr).not.toContain(SECRET_WORD);
  });

  it('a link to outside that appears while serving is not picked up', async () => {
    const { dir } = running.fx;
    await writeFile(path.join(dir, 'marker.md'), '# Marker\n');
    await symlink('../outside/secret.md', path.join(dir, 'late.md'));
    await until(async () => expect(await listedNames()).toContain('marker'));
    await until(() => expect(running.srv.stderr()).toMatch(/skipped late\.md: outside-folder/));
    expect(await listedNames()).not.toContain('late');
    const search = await callTool(running.srv.client, 'search_runbooks', { query: SECRET_WORD });
    expect(search.structuredContent).toMatchObject({ hits: [] });
  });

  it('left the server alive and the outside files as they were', async () => {
    expect(await listedNames()).toContain('undo');
    expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toBe(SECRET_TEXT);
    expect(await readFile(path.join(outside, 'team', 'deploy.md'), 'utf8')).toBe(SECRET_TEXT);
  });
});

describe('a runbook folder that disappears', () => {
  it('empties the list, names the folder, and serves again when it comes back', async () => {
    const { dir } = running.fx;
    const kept = await readFile(path.join(dir, 'deploy', 'rollback.md'), 'utf8');
    const aside = `${dir}-aside`;
    const heard = running.srv.notifications.length;
    await rm(aside, { recursive: true, force: true });
    await rename(dir, aside);
    for (const [tool, args] of [
      ['list_runbooks', {}],
      ['search_runbooks', { query: 'rollback' }],
      ['get_runbook', { name: 'deploy/rollback' }],
    ] as const) {
      const result = await callTool(running.srv.client, tool, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain(dir);
    }
    // The list emptied for the client too: it was told the prompts changed.
    await until(() => expect(running.srv.notifications.slice(heard)).toContain('prompts'));
    await rename(aside, dir);
    await until(async () => expect(await listedNames()).toContain('deploy/rollback'));
    expect(await readFile(path.join(dir, 'deploy', 'rollback.md'), 'utf8')).toBe(kept);
  });
});
