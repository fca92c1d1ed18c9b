/**
 * The run form (an MCP App) through the real server over stdio: the tool and its `ui://` view, the
 * text a host without apps gets, the live preview, and the prompt the form sends.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../test-support/temp-folder.js';
import {
  callTool,
  promptText,
  startRunningServer,
  textOf,
  type RunningServer,
} from './test-harness.js';

const FORM_URI = 'ui://runbook-companion/run-form.html';
const SECRET = 'Zq8-form-Pass-7731';

let running: RunningServer;

beforeAll(async () => {
  running = await startRunningServer((fx) =>
    writeFiles(fx.dir, {
      'env.production.yaml': 'deployments:\n  api: { namespace: api-live, cluster: east }\n',
      'db/restore.md': [
        '---',
        'title: Restore the database',
        'variables:',
        '  db_password: { secret: true, description: Root password of the database }',
        '---',
        'mysql -u root -p{var.db_password} < dump.sql',
        '',
      ].join('\n'),
    }),
  );
});
afterAll(() => running?.stop());

const call = (tool: string, args: Record<string, unknown>) =>
  callTool(running.srv.client, tool, args);
const data = (result: { structuredContent?: unknown }) =>
  result.structuredContent as Record<string, unknown>;

/** Every file under the fixture with its bytes: nothing may change, inside the folder or out. */
async function snapshot(): Promise<Map<string, string>> {
  const files = await readdir(running.fx.base, { recursive: true, withFileTypes: true });
  const entries = files.filter((f) => f.isFile() && !f.parentPath.includes(`${path.sep}data`));
  const read = entries.map(async (f) => {
    const file = path.join(f.parentPath, f.name);
    return [file, (await readFile(file)).toString('base64')] as const;
  });
  return new Map(await Promise.all(read));
}

describe('the tool and its view', () => {
  it('open_runbook_form names the ui:// view; the helpers are for the app only', async () => {
    const { tools } = await running.srv.client.listTools();
    const open = tools.find((t) => t.name === 'open_runbook_form');
    expect(open?._meta?.ui).toMatchObject({ resourceUri: FORM_URI });
    expect(open?.annotations?.readOnlyHint).toBe(true);
    for (const name of ['preview_runbook_form', 'runbook_form_prompt']) {
      const tool = tools.find((t) => t.name === name);
      expect(tool?._meta?.ui, name).toEqual({ visibility: ['app'] });
    }
  });

  it('the view is one self-contained HTML file of the MCP App type, with a CSP', async () => {
    const { contents } = await running.srv.client.readResource({ uri: FORM_URI });
    expect(contents).toHaveLength(1);
    const [view] = contents as unknown as [
      { mimeType: string; text: string; _meta?: Record<string, unknown> },
    ];
    expect(view.mimeType).toBe('text/html;profile=mcp-app');
    expect(view.text).toMatch(/^<!doctype html>/i);
    expect(view.text).toContain('Runbook Companion run form');
    // Nothing fetched: no external script, stylesheet or image.
    expect(view.text).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(view._meta?.ui).toMatchObject({ csp: { connectDomains: [], resourceDomains: [] } });
  });
});

describe('open_runbook_form', () => {
  it('gives a host without apps the variables and how to fill them', async () => {
    const result = await call('open_runbook_form', { runbook_name: 'docs/redis/README' });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toContain('Runbook docs/redis/README: Redis memory pressure');
    expect(text).toContain(
      '- instance (required): Redis host to inspect. One of: cache-1, cache-2.',
    );
    expect(text).toContain('- top (optional): How many keys to list. Default: 10.');
    expect(text).toContain('Env profiles: production');
    expect(text).toMatch(/get_runbook_as_prompt with runbook_search_keyword "docs\/redis\/README"/);
  });

  it('hands the view the title, variables and profiles', async () => {
    const result = await call('open_runbook_form', { runbook_name: 'db/restore' });
    expect(data(result)).toMatchObject({
      name: 'db/restore',
      title: 'Restore the database',
      profiles: ['production'],
      variables: [{ name: 'db_password', secret: true, required: true, declared: true }],
    });
    expect(textOf(result)).toContain('Secret: never written to logs.');
  });

  it.each([
    { why: 'a bare file name', input: 'rollback', name: 'deploy/rollback' },
    {
      why: 'search words, as get_runbook_as_prompt takes',
      input: 'redis memory',
      name: 'docs/redis/README',
    },
    {
      why: 'the file name with its extension',
      input: 'deploy/rollback.md',
      name: 'deploy/rollback',
    },
  ])('finds the runbook from $why', async ({ input, name }) => {
    expect(data(await call('open_runbook_form', { runbook_name: input })).name).toBe(name);
  });
});

describe('preview_runbook_form', () => {
  it('marks what is missing, and fills in what is given', async () => {
    const empty = data(await call('preview_runbook_form', { runbook_name: 'docs/redis/README' }));
    expect((empty.unresolved as { key: string }[]).map((u) => u.key)).toEqual(['var.instance']);
    const filled = data(
      await call('preview_runbook_form', {
        runbook_name: 'docs/redis/README',
        vars: { instance: 'cache-2' },
      }),
    );
    expect(filled.unresolved).toEqual([]);
    expect(filled.text).toContain('redis-cli -h cache-2 --bigkeys | head -n 10');
  });

  it('follows the chosen profile', async () => {
    const vars = { service: 'api', cluster: 'east', ns: 'payments' };
    const base = { runbook_name: 'deploy/rollback', vars };
    expect(data(await call('preview_runbook_form', base)).text).toContain('-n api-prod');
    const live = await call('preview_runbook_form', { ...base, profile: 'production' });
    expect(data(live).text).toContain('-n api-live');
  });

  it('reports a profile that is a path as a problem, reading nothing outside', async () => {
    const result = await call('preview_runbook_form', {
      runbook_name: 'deploy/rollback',
      profile: '../../evil',
    });
    expect(result.isError).toBeFalsy();
    expect((data(result).problems as string[]).join('\n')).toMatch(/profile/i);
  });

  it('never shows a secret value', async () => {
    const result = await call('preview_runbook_form', {
      runbook_name: 'db/restore',
      vars: { db_password: SECRET },
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(data(result).text).toContain('-p••••••••');
  });
});

describe('runbook_form_prompt', () => {
  it('is the text get_runbook_as_prompt gives for the same values', async () => {
    const sent = await call('runbook_form_prompt', {
      runbook_name: 'docs/redis/README',
      vars: { instance: 'cache-1' },
    });
    const prompt = await running.srv.client.getPrompt({
      name: 'get_runbook_as_prompt',
      arguments: { runbook_search_keyword: 'docs/redis/README', vars: 'instance=cache-1' },
    });
    // The same words, but each render starts its own run, with its own run id.
    const sameRun = (text: string, runId: string) => text.replaceAll(runId, 'RUN_ID');
    const promptRunId = /run_id "([A-Za-z0-9_-]{10})"/.exec(promptText(prompt))?.[1] ?? '?';
    const expected = sameRun(promptText(prompt), promptRunId);
    expect(sameRun(String(data(sent).text), String(data(sent).run_id))).toBe(expected);
    expect(sameRun(textOf(sent), String(data(sent).run_id))).toBe(expected);
  });

  it('carries a secret, as the prompt does, since Claude needs it to run the step', async () => {
    const sent = await call('runbook_form_prompt', {
      runbook_name: 'db/restore',
      vars: { db_password: SECRET },
    });
    expect(data(sent).text).toContain(`-p${SECRET}`);
  });

  it('refuses while values are missing, naming them', async () => {
    const result = await call('runbook_form_prompt', { runbook_name: 'docs/redis/README' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('instance');
  });
});

describe('hostile input', () => {
  const long = 'x'.repeat(5000);
  it.each([
    { why: 'parent segment', tool: 'open_runbook_form', args: { runbook_name: '../evil' } },
    {
      why: 'parent segment deeper down',
      tool: 'open_runbook_form',
      args: { runbook_name: 'docs/../../etc/passwd' },
    },
    {
      why: 'a parent segment before a real name',
      tool: 'open_runbook_form',
      args: { runbook_name: '../runbooks/deploy/rollback' },
    },
    {
      why: 'backslash parent segment',
      tool: 'open_runbook_form',
      args: { runbook_name: '..\\evil' },
    },
    { why: 'absolute path', tool: 'open_runbook_form', args: { runbook_name: '/etc/passwd' } },
    { why: 'Windows drive path', tool: 'open_runbook_form', args: { runbook_name: 'C:\\evil' } },
    { why: 'NUL byte', tool: 'open_runbook_form', args: { runbook_name: 'deploy\0/rollback' } },
    { why: 'empty name (schema)', tool: 'open_runbook_form', args: { runbook_name: '' } },
    { why: 'over-long name (schema)', tool: 'open_runbook_form', args: { runbook_name: long } },
    {
      why: 'preview of a path outside',
      tool: 'preview_runbook_form',
      args: { runbook_name: '../../etc/passwd' },
    },
    {
      why: 'prompt of a path outside',
      tool: 'runbook_form_prompt',
      args: { runbook_name: '/etc/passwd' },
    },
    {
      why: 'a profile that is a path',
      tool: 'runbook_form_prompt',
      args: {
        runbook_name: 'deploy/rollback',
        vars: { service: 'api', cluster: 'east', ns: 'payments' },
        profile: '../../evil',
      },
    },
    {
      why: 'vars that are not strings',
      tool: 'preview_runbook_form',
      args: { runbook_name: 'deploy/rollback', vars: { service: 7 } },
    },
  ])('refuses $why ($tool), alive and with every byte in place', async ({ tool, args }) => {
    const before = await snapshot();
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(await snapshot()).toEqual(before);
    const alive = await call('open_runbook_form', { runbook_name: 'deploy/rollback' });
    expect(alive.isError).toBeFalsy();
  });
});
