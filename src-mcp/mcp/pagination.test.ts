/**
 * `prompts/list` and `resources/list` at scale, over the real server: pages of at most 1 MB, every
 * item exactly once, cursors that survive runbooks coming and going, and bad cursors refused.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy } from './test-build.js';
import {
  callTool,
  makeFixture,
  startServer,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';

const COUNT = 1200;
const MB = 1024 * 1024;
const long = (word: string) => `${word} `.repeat(300).trim();

/** `prompt: true` on all but every tenth runbook; heavy front matter so pages hit the byte cap. */
function generated(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++) {
    const id = String(i).padStart(4, '0');
    files[`bulk/r${id}.md`] = [
      '---',
      `title: Runbook ${id}`,
      `description: ${long(`about${id}`)}`,
      ...(i % 10 === 0 ? [] : ['prompt: true']),
      'variables:',
      `  host: { description: ${long('host')} }`,
      `  port: { description: ${long('port')} }`,
      '---',
      `# Runbook ${id}`,
      '',
      'ssh {var.host} -p {var.port}',
      '',
    ].join('\n');
  }
  return files;
}

let entry: string;
let fx: Fixture;
let srv: ServerHandle;

beforeAll(async () => {
  entry = await builtServerCopy();
  fx = await makeFixture(generated());
  // One runbook without `prompt: true` is pinned in the app, another was used recently.
  await writeFile(path.join(fx.data, 'config.json'), JSON.stringify({ pinned: ['bulk/r0010'] }));
  await writeFile(
    path.join(fx.data, 'tray-state.json'),
    JSON.stringify({ recent: ['bulk/r0020'] }),
  );
  srv = await startServer(entry, fx);
}, 120_000);

afterAll(async () => {
  await srv?.close();
  await removeServerCopy(entry);
  await fx?.cleanup();
});

type Lister = (cursor?: string) => Promise<{ names: string[]; nextCursor?: string; bytes: number }>;

const listPrompts: Lister = async (cursor) => {
  const page = await srv.client.listPrompts(cursor === undefined ? {} : { cursor });
  const bytes = Buffer.byteLength(JSON.stringify(page));
  return { names: page.prompts.map((p) => p.name), nextCursor: page.nextCursor, bytes };
};

const listResources: Lister = async (cursor) => {
  const page = await srv.client.listResources(cursor === undefined ? {} : { cursor });
  const bytes = Buffer.byteLength(JSON.stringify(page));
  return { names: page.resources.map((r) => r.name), nextCursor: page.nextCursor, bytes };
};

async function allPages(list: Lister, first?: string): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let cursor = first;
  let pages = 0;
  do {
    const page = await list(cursor);
    expect(page.bytes).toBeLessThanOrEqual(MB);
    expect(page.names.length).toBeLessThanOrEqual(500);
    names.push(...page.names);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined);
  return { names, pages };
}

const runbookNames = Array.from({ length: COUNT }, (_, i) => `bulk/r${String(i).padStart(4, '0')}`);

describe('pages at scale', () => {
  it('resources/list: every runbook exactly once, in pages of at most 500 and 1 MB', async () => {
    const { names, pages } = await allPages(listResources);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(['runbook-list', ...runbookNames]);
  });

  it('prompts/list: the compat prompt, then the runbooks the policy lists, pages under 1 MB', async () => {
    const { names, pages } = await allPages(listPrompts);
    // Heavy prompts (~6 KB each): the byte cap, not the count, ends these pages.
    expect(pages).toBeGreaterThan(Math.ceil(COUNT / 500));
    expect(names.slice(0, 3)).toEqual([
      'get_runbook_as_prompt',
      'plan_runbook',
      'save_conversation_as_runbook',
    ]);
    expect(new Set(names).size).toBe(names.length);
    const listed = runbookNames
      .filter((n, i) => i % 10 !== 0 || n === 'bulk/r0010' || n === 'bulk/r0020')
      .map((n) => n.replace('/', '_'));
    expect(names.slice(3)).toEqual(listed);
  });

  it('a runbook outside the menu is still reached by get_runbook_as_prompt', async () => {
    const result = await srv.client.getPrompt({
      name: 'get_runbook_as_prompt',
      arguments: { runbook_search_keyword: 'bulk/r0030', vars: 'host=h,port=22' },
    });
    expect(JSON.stringify(result.messages)).toContain('ssh h -p 22');
  });
});

describe('a cursor while the folder changes', () => {
  it('returns each runbook that stayed exactly once, and what was added after the cursor', async () => {
    const first = await listResources();
    const cursor = first.nextCursor!;
    // Gone from the first page and from a later one; new before the cursor and after it.
    await rm(path.join(fx.dir, 'bulk/r0100.md'));
    await rm(path.join(fx.dir, 'bulk/r0900.md'));
    await writeFile(path.join(fx.dir, 'bulk/r0000a.md'), '# Added before the cursor\n');
    await writeFile(path.join(fx.dir, 'bulk/r0999a.md'), '# Added after the cursor\n');
    // What is under test is the cursor, not the watcher (live.test.ts covers that): rescan now.
    await callTool(srv.client, 'reindex_runbooks', {});
    const all = await allPages(listResources);
    expect(all.names).toContain('bulk/r0999a');
    expect(all.names).not.toContain('bulk/r0900');
    const rest = await allPages(listResources, cursor);
    const seen = [...first.names, ...rest.names];
    expect(new Set(seen).size).toBe(seen.length);
    const stayed = runbookNames.filter((n) => n !== 'bulk/r0100' && n !== 'bulk/r0900');
    for (const name of stayed) expect(seen).toContain(name);
    expect(rest.names).toContain('bulk/r0999a');
    expect(rest.names).not.toContain('bulk/r0900');
    expect(rest.names[0]! > first.names.at(-1)!).toBe(true);
  }, 60_000);
});

describe('bad cursors', () => {
  const calls: [string, (client: Client, cursor: string) => Promise<unknown>][] = [
    ['prompts/list', (client, cursor) => client.listPrompts({ cursor })],
    ['resources/list', (client, cursor) => client.listResources({ cursor })],
    ['resources/templates/list', (client, cursor) => client.listResourceTemplates({ cursor })],
  ];
  const cursors = [
    { why: 'not base64url', cursor: '%%%' },
    { why: 'not JSON', cursor: Buffer.from('nope').toString('base64url') },
    { why: 'another version', cursor: Buffer.from('{"v":2,"after":"a"}').toString('base64url') },
    { why: 'no key', cursor: Buffer.from('{"v":1}').toString('base64url') },
    { why: 'a huge string', cursor: 'A'.repeat(100_000) },
  ];
  for (const [method, call] of calls) {
    it.each(cursors)(`${method}: $why is -32602 naming the cursor`, async ({ cursor }) => {
      const error = await call(srv.client, cursor).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(McpError);
      expect((error as McpError).code).toBe(ErrorCode.InvalidParams);
      expect((error as McpError).message).toContain('"cursor"');
      // Still serving.
      expect((await callTool(srv.client, 'list_runbooks', { limit: 1 })).isError).toBeFalsy();
    });
  }
});
