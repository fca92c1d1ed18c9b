/** The server follows the folder: list_changed notifications on add, variable change and removal. */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  callTool,
  startRunningServer,
  watcherReady,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';

let fx: Fixture;
let srv: ServerHandle;

let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ fx, srv, stop } = await startRunningServer());
  // The watcher is set up after the first scan: touch files only once it is.
  await watcherReady(srv);
});

afterAll(() => stop?.());

const until = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 100 });
const promptNames = async () => (await srv.client.listPrompts()).prompts.map((p) => p.name);
const searchNames = async (query: string) =>
  (
    (await callTool(srv.client, 'search_runbooks', { query })).structuredContent as {
      hits: { name: string }[];
    }
  ).hits.map((h) => h.name);

describe('live folder', () => {
  it('announces a new runbook and serves its prompt', async () => {
    srv.notifications.length = 0;
    await writeFile(
      path.join(fx.dir, 'fresh.md'),
      '# Fresh\n\nRestart a pod.\n\nrestart {var.pod}\n',
    );
    await until(() =>
      expect(srv.notifications).toEqual(expect.arrayContaining(['prompts', 'resources'])),
    );
    expect(await promptNames()).toContain('fresh');
  });

  it('stays quiet when only the steps change (title, description and variables stay)', async () => {
    srv.notifications.length = 0;
    await writeFile(
      path.join(fx.dir, 'fresh.md'),
      '# Fresh\n\nRestart a pod.\n\nrestart {var.pod} zebracorn\n',
    );
    // Once search finds the new word, the change has been applied (and any notification already sent).
    await until(async () => expect(await searchNames('zebracorn')).toEqual(['fresh']));
    expect(srv.notifications).toEqual([]);
  });

  it('announces a change of variables and shows the new argument', async () => {
    srv.notifications.length = 0;
    await writeFile(
      path.join(fx.dir, 'fresh.md'),
      '# Fresh\n\nRestart a pod.\n\nrestart {var.pod} in {var.namespace}\n',
    );
    await until(() => expect(srv.notifications).toContain('prompts'));
    const prompt = (await srv.client.listPrompts()).prompts.find((p) => p.name === 'fresh');
    expect(prompt?.arguments?.map((a) => a.name)).toEqual(['pod', 'namespace']);
  });

  it('announces a removal and drops the prompt', async () => {
    srv.notifications.length = 0;
    await rm(path.join(fx.dir, 'fresh.md'));
    await until(() =>
      expect(srv.notifications).toEqual(expect.arrayContaining(['prompts', 'resources'])),
    );
    expect(await promptNames()).not.toContain('fresh');
  });

  it('sends one notification pair for a burst of 50 files, not 50', async () => {
    srv.notifications.length = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writeFile(path.join(fx.dir, `burst-${i}.md`), `# Burst ${i}\n`),
      ),
    );
    await until(async () =>
      expect((await promptNames()).filter((n) => n.startsWith('burst-'))).toHaveLength(50),
    );
    expect(srv.notifications.filter((n) => n === 'prompts').length).toBeLessThanOrEqual(3);
  });
});

describe('a file written while the server starts', () => {
  it('is served, though it came after the first scan began and before the watch was set', async () => {
    const early = await startRunningServer(async (fixture) => {
      // Enough files that the first scan is still running when the client is connected.
      for (let i = 0; i < 1000; i++)
        await writeFile(path.join(fixture.dir, `filler-${i}.md`), `# Filler ${i}\n`);
    });
    try {
      await writeFile(path.join(early.fx.dir, 'early-bird.md'), '# Early bird\n');
      await vi.waitFor(
        async () => expect(await searchIn(early.srv, 'early bird')).toContain('early-bird'),
        { timeout: 20_000, interval: 200 },
      );
      expect(early.srv.notifications.filter((n) => n === 'prompts').length).toBeLessThanOrEqual(1);
    } finally {
      await early.stop();
    }
  }, 60_000);
});

async function searchIn(server: ServerHandle, query: string): Promise<string[]> {
  const result = await callTool(server.client, 'search_runbooks', { query });
  return (result.structuredContent as { hits: { name: string }[] }).hits.map((h) => h.name);
}
