/**
 * Includes, `tools:`, `plan_runbook` and `save_conversation_as_runbook` over the real server: the
 * included runbook's variables are the prompt's arguments, a change to the included file reaches
 * the prompt live (list_changed), and the two workflow prompts are listed and render.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  callTool,
  promptText,
  startRunningServer,
  type Fixture,
  type ServerHandle,
  watcherReady,
} from './test-harness.js';

const PREFLIGHT = [
  '---',
  'variables:',
  '  cluster: { description: Cluster to check, choices: [east, west] }',
  '---',
  'Preflight: check the namespaces of {var.cluster}.',
  '',
].join('\n');

const DEPLOY = [
  '---',
  'title: Deploy with preflight',
  'tools: [kubectl_apply, get_runbook]',
  'variables:',
  '  service: { description: Service to deploy }',
  '---',
  '# Deploy {var.service}',
  '',
  '{include[common/preflight]}',
  '',
  'kubectl -n {env[deployments][{var.service}][namespace]} rollout restart deploy/{var.service}',
  '',
].join('\n');

let fx: Fixture;
let srv: ServerHandle;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ fx, srv, stop } = await startRunningServer(async (f) => {
    await mkdir(path.join(f.dir, 'common'), { recursive: true });
    await writeFile(path.join(f.dir, 'common/preflight.md'), PREFLIGHT);
    await writeFile(path.join(f.dir, 'deploy/with-preflight.md'), DEPLOY);
  }));
  // The watcher is set up after the first scan: touch files only once it is.
  await watcherReady(srv);
});

afterAll(() => stop?.());

const until = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 100 });

async function argumentsOf(name: string): Promise<string[]> {
  const { prompts } = await srv.client.listPrompts();
  return prompts.find((p) => p.name === name)?.arguments?.map((a) => a.name) ?? [];
}

describe('includes over MCP', () => {
  it('makes the included variables arguments of the including prompt', async () => {
    expect(await argumentsOf('deploy_with-preflight')).toEqual(['service', 'cluster']);
  });

  it('renders the included body and tells the model which tools it may use', async () => {
    const result = await srv.client.getPrompt({
      name: 'deploy_with-preflight',
      arguments: { service: 'api', cluster: 'east' },
    });
    const text = promptText(result);
    expect(text).toContain('Preflight: check the namespaces of east.');
    expect(text).toContain('kubectl -n api-prod rollout restart deploy/api');
    expect(text).toContain('only these MCP tools: `kubectl_apply`, `get_runbook`');
  });

  it('completes an included variable from its choices', async () => {
    const result = await srv.client.complete({
      ref: { type: 'ref/prompt', name: 'deploy_with-preflight' },
      argument: { name: 'cluster', value: 'w' },
    });
    expect(result.completion.values).toEqual(['west']);
  });

  it('lists the included variables as missing in get_runbook', async () => {
    const result = await callTool(srv.client, 'get_runbook', {
      name: 'deploy/with-preflight',
      vars: { service: 'api' },
    });
    const data = result.structuredContent as { complete: boolean; missing: { key: string }[] };
    expect(data.complete).toBe(false);
    expect(data.missing.map((m) => m.key)).toEqual(['var.cluster']);
  });

  it('announces a change of the included runbook’s variables and shows the new argument', async () => {
    srv.notifications.length = 0;
    await writeFile(
      path.join(fx.dir, 'common/preflight.md'),
      PREFLIGHT.replace(
        '---\nPreflight',
        '  window: { description: Change window }\n---\nPreflight',
      ),
    );
    await until(() => expect(srv.notifications).toContain('prompts'));
    expect(await argumentsOf('deploy_with-preflight')).toEqual(['service', 'cluster', 'window']);
  });

  it('names a missing include and its line when the prompt renders', async () => {
    await writeFile(path.join(fx.dir, 'broken.md'), '# Broken\n\n{include[common/nope]}\n');
    await until(async () =>
      expect((await srv.client.listPrompts()).prompts.map((p) => p.name)).toContain('broken'),
    );
    const error = await srv.client.getPrompt({ name: 'broken' }).catch((e: Error) => e);
    expect(String(error)).toContain('broken.md:3:1: {include[common/nope]} names no runbook');
    expect(srv.transport.pid).toBeTruthy();
  });
});

describe('plan_runbook and save_conversation_as_runbook', () => {
  it('are listed right after the earlier tool’s prompt', async () => {
    const { prompts } = await srv.client.listPrompts();
    expect(prompts.slice(0, 3).map((p) => p.name)).toEqual([
      'get_runbook_as_prompt',
      'plan_runbook',
      'save_conversation_as_runbook',
    ]);
  });

  it('plan_runbook renders the runbook and asks for a plan, running nothing', async () => {
    const result = await srv.client.getPrompt({
      name: 'plan_runbook',
      arguments: { runbook_search_keyword: 'deploy/with-preflight', vars: 'service=web' },
    });
    const text = promptText(result);
    expect(text).toContain('This is a dry run: do not carry out any step');
    expect(text).toMatch(/Numbered steps[\s\S]*MCP tool[\s\S]*could go wrong[\s\S]*needs approval/);
    expect(text).toContain('kubectl -n web-prod rollout restart deploy/web');
    expect(text).toContain('only these MCP tools: `kubectl_apply`, `get_runbook`');
    // A value not given yet is named, and stays a placeholder in the text.
    expect(text).toMatch(
      /- var\.cluster \(line \d+ of common\/preflight\.md\): var\.cluster has no value/,
    );
    expect(text).toContain('check the namespaces of {var.cluster}');
  });

  it('save_conversation_as_runbook asks for front matter, placeholders and create_runbook', async () => {
    const result = await srv.client.getPrompt({
      name: 'save_conversation_as_runbook',
      arguments: { name: 'restart-worker', folder: 'queues' },
    });
    const text = promptText(result);
    expect(text).toContain('Name it "queues/restart-worker".');
    for (const word of ['`description`', '`tags`', '`variables`', '`choices`', '`default`'])
      expect(text).toContain(word);
    expect(text).toContain('`{var.name}`');
    expect(text).toContain('`{env[key][subkey]}`');
    expect(text).toContain('env.yaml has these top-level keys: deployments, clusters.');
    expect(text).toContain('call the `create_runbook` tool');
  });

  it('save_conversation_as_runbook proposes a name when none is given', async () => {
    const text = promptText(await srv.client.getPrompt({ name: 'save_conversation_as_runbook' }));
    expect(text).toContain('Choose a short name');
  });
});
