/** Realism: the bundled examples and a public corpus served through the real server. */
import { cp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy, repoRoot } from './test-build.js';
import { CORPORA_SKIPPED, corporaDir } from '../test-support/shared-folder.js';
import {
  callTool,
  makeFixture,
  startServer,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';

const examples = path.join(repoRoot, 'runbooks');
const corpora = corporaDir();
const corpus = corpora ? path.join(corpora, 'openshift-runbooks') : '';

interface Listed {
  runbooks: { name: string; variables: unknown[] }[];
}

let entry: string;
beforeAll(async () => {
  entry = await builtServerCopy();
});
afterAll(() => removeServerCopy(entry));

async function serve(source: string): Promise<{ fx: Fixture; srv: ServerHandle }> {
  const fx = await makeFixture({});
  await cp(source, fx.dir, { recursive: true });
  return { fx, srv: await startServer(entry, fx, ['--no-watch']) };
}

describe.skipIf(!existsSync(examples))('the bundled examples', () => {
  let fx: Fixture;
  let srv: ServerHandle;
  beforeAll(async () => ({ fx, srv } = await serve(examples)));
  afterAll(async () => {
    await srv?.close();
    await fx?.cleanup();
  });

  it('each gives a prompt, and get_runbook either fills it or lists what is missing', async () => {
    const listed = (await callTool(srv.client, 'list_runbooks'))
      .structuredContent as unknown as Listed;
    expect(listed.runbooks.length).toBeGreaterThan(0);
    const prompts = (await srv.client.listPrompts()).prompts;
    // Plus get_runbook_as_prompt, plan_runbook and save_conversation_as_runbook.
    expect(prompts).toHaveLength(listed.runbooks.length + 3);
    for (const { name } of listed.runbooks) {
      const result = await callTool(srv.client, 'get_runbook', { name });
      expect(result.isError, name).toBeFalsy();
    }
  });
});

describe.skipIf(!corpora)(
  corpora ? '274 OpenShift runbooks full of PromQL, JSON and jsonpath' : CORPORA_SKIPPED,
  () => {
    let fx: Fixture;
    let srv: ServerHandle;
    beforeAll(async () => ({ fx, srv } = await serve(corpus)));
    afterAll(async () => {
      await srv?.close();
      await fx?.cleanup();
    });

    it('come back byte for byte from get_runbook when they use no placeholders', async () => {
      const listed = (await callTool(srv.client, 'list_runbooks', { limit: 1000 }))
        .structuredContent as unknown as Listed;
      const plain = listed.runbooks.filter((r) => r.variables.length === 0);
      expect(plain.length).toBeGreaterThan(200);
      let compared = 0;
      for (const { name } of plain) {
        const content = await readFile(path.join(fx.dir, `${name}.md`), 'utf8');
        if (content.startsWith('---')) continue;
        const result = await callTool(srv.client, 'get_runbook', { name });
        expect((result.structuredContent as { text?: string }).text, name).toBe(content);
        compared++;
      }
      expect(compared).toBeGreaterThan(200);
    });
  },
);
