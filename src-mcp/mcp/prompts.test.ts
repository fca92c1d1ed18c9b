/** The real server (dist/mcp.js) over stdio: prompts, resources, completions and the CLI twin. */
import { builtServerCopy, removeServerCopy } from './test-build.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callTool,
  promptText,
  startRunningServer,
  startServer,
  type Fixture,
  type ServerHandle,
} from './test-harness.js';

let entry: string;
let fx: Fixture;
let srv: ServerHandle;

let stop: (() => Promise<void>) | undefined;

beforeAll(async () => ({ entry, fx, srv, stop } = await startRunningServer()));
afterAll(() => stop?.());

describe('prompts', () => {
  it('lists the compat prompt and one prompt per runbook, with described arguments', async () => {
    const { prompts } = await srv.client.listPrompts();
    const byName = new Map(prompts.map((p) => [p.name, p]));
    expect(byName.get('get_runbook_as_prompt')?.arguments?.map((a) => a.name)).toEqual([
      'runbook_search_keyword',
      'vars',
      'include_last_log',
    ]);
    const redis = byName.get('docs_redis_README');
    expect(redis?.description).toBe(
      'Redis memory pressure: Find and free what fills Redis memory. (runbook docs/redis/README)',
    );
    expect(redis?.arguments).toEqual([
      {
        name: 'instance',
        required: true,
        description: 'Redis host to inspect. One of: cache-1, cache-2.',
      },
      { name: 'top', required: false, description: 'How many keys to list. Default: 10.' },
    ]);
    const rollback = byName.get('deploy_rollback');
    expect(rollback?.description).toContain('Roll back a deployment');
    expect(rollback?.arguments?.find((a) => a.name === 'service')?.description).toContain(
      'Known values: api, web',
    );
    expect(byName.has('a_b')).toBe(true);
    expect(byName.has('a_b_2')).toBe(true);
    expect(byName.get('notes')?.arguments).toEqual([]);
  });

  it('get_runbook_as_prompt finds by keyword, fills vars and asks for a log', async () => {
    const result = await srv.client.getPrompt({
      name: 'get_runbook_as_prompt',
      arguments: { runbook_search_keyword: 'bigkeys redis', vars: 'instance=cache-2,top=5' },
    });
    const text = promptText(result);
    expect(text).toContain('<runbook name="docs/redis/README">');
    expect(text).toContain('redis-cli -h cache-2 --bigkeys | head -n 5');
    expect(text).toContain('create_runbook_log');
  });

  it('get_runbook_as_prompt takes an exact name over search, and empty vars', async () => {
    const result = await srv.client.getPrompt({
      name: 'get_runbook_as_prompt',
      arguments: { runbook_search_keyword: 'notes', vars: '' },
    });
    expect(promptText(result)).toContain('<runbook name="notes">');
  });

  it('get_runbook_as_prompt adds the latest log when asked', async () => {
    await callTool(srv.client, 'create_runbook_log', {
      runbook_name: 'a/b',
      execution_log: 'Earlier run: all green.',
    });
    const result = await srv.client.getPrompt({
      name: 'get_runbook_as_prompt',
      arguments: { runbook_search_keyword: 'a/b', include_last_log: 'true' },
    });
    expect(promptText(result)).toMatch(
      /<past_run_log>\n[\s\S]*Earlier run: all green\.\n<\/past_run_log>/,
    );
  });

  it('a runbook prompt renders with its arguments, blank optional ones taking their default', async () => {
    const result = await srv.client.getPrompt({
      name: 'docs_redis_README',
      arguments: { instance: 'cache-1', top: '' },
    });
    expect(promptText(result)).toContain('redis-cli -h cache-1 --bigkeys | head -n 10');
  });

  it('a runbook prompt without a required value is a JSON-RPC error that names it', async () => {
    await expect(
      srv.client.getPrompt({ name: 'docs_redis_README', arguments: {} }),
    ).rejects.toThrow(/instance/);
    await expect(srv.client.getPrompt({ name: 'no_such_prompt' })).rejects.toThrow(/not found/);
    await expect(
      srv.client.getPrompt({
        name: 'get_runbook_as_prompt',
        arguments: { runbook_search_keyword: 'notes', vars: '=x' },
      }),
    ).rejects.toThrow(/key=value/);
  });
});

describe('resources', () => {
  it('lists the runbook list and each runbook, and reads them', async () => {
    const { resources } = await srv.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(
      expect.arrayContaining([
        'runbooks://runbooks',
        'runbooks://runbooks/docs/redis/README',
        'runbooks://runbooks/notes',
      ]),
    );
    const list = await srv.client.readResource({ uri: 'runbooks://runbooks' });
    const parsed = JSON.parse(String((list.contents[0] as { text: string }).text)) as {
      name: string;
    }[];
    expect(parsed.map((r) => r.name)).toContain('docs/redis/README');
    const one = await srv.client.readResource({ uri: 'runbooks://runbooks/docs/redis/README' });
    expect(one.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect(String((one.contents[0] as { text: string }).text)).toContain(
      'redis-cli -h {var.instance}',
    );
    const { resourceTemplates } = await srv.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['runbooks://runbooks/{+name}']);
  });

  it('reads a percent-encoded name and refuses an unknown one', async () => {
    const one = await srv.client.readResource({ uri: 'runbooks://runbooks/docs%2Fredis%2FREADME' });
    expect(String((one.contents[0] as { text: string }).text)).toContain('# Redis memory');
    await expect(
      srv.client.readResource({ uri: 'runbooks://runbooks/nope/nothing' }),
    ).rejects.toThrow(/nope/);
  });
});

describe('completions', () => {
  const complete = async (
    ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string },
    name: string,
    value: string,
    args?: Record<string, string>,
  ) =>
    (
      await srv.client.complete({
        ref,
        argument: { name, value },
        context: args ? { arguments: args } : undefined,
      })
    ).completion.values;

  interface Row {
    why: string;
    prompt: string;
    arg: string;
    value: string;
    args: Record<string, string> | undefined;
    values: string[];
  }
  it.each<Row>([
    {
      why: 'runbook names for the keyword',
      prompt: 'get_runbook_as_prompt',
      arg: 'runbook_search_keyword',
      value: 'dep',
      args: undefined,
      values: ['deploy/rollback'],
    },
    {
      why: 'a variable’s choices',
      prompt: 'docs_redis_README',
      arg: 'instance',
      value: '',
      args: undefined,
      values: ['cache-1', 'cache-2'],
    },
    {
      why: 'choices filtered by what is typed',
      prompt: 'docs_redis_README',
      arg: 'instance',
      value: 'cache-2',
      args: undefined,
      values: ['cache-2'],
    },
    {
      why: 'env keys a variable indexes',
      prompt: 'deploy_rollback',
      arg: 'service',
      value: '',
      args: undefined,
      values: ['api', 'web'],
    },
    {
      why: 'nested keys once the outer variable is given',
      prompt: 'deploy_rollback',
      arg: 'ns',
      value: '',
      args: { cluster: 'east' },
      values: ['payments', 'search'],
    },
    {
      why: 'nothing for a nested key without the outer one',
      prompt: 'deploy_rollback',
      arg: 'ns',
      value: '',
      args: undefined,
      values: [],
    },
    {
      why: 'nothing for a variable with no known values',
      prompt: 'docs_redis_README',
      arg: 'top',
      value: '',
      args: undefined,
      values: [],
    },
    {
      why: 'vars: the variable names of the chosen runbook',
      prompt: 'get_runbook_as_prompt',
      arg: 'vars',
      value: '',
      args: { runbook_search_keyword: 'docs/redis/README' },
      values: ['instance=', 'top='],
    },
    {
      why: 'vars: the values of the variable being typed',
      prompt: 'get_runbook_as_prompt',
      arg: 'vars',
      value: 'instance=c',
      args: { runbook_search_keyword: 'redis' },
      values: ['instance=cache-1', 'instance=cache-2'],
    },
    {
      why: 'vars: names not given yet, after a comma',
      prompt: 'get_runbook_as_prompt',
      arg: 'vars',
      value: 'instance=cache-1,',
      args: { runbook_search_keyword: 'docs/redis/README' },
      values: ['instance=cache-1,top='],
    },
    {
      why: 'vars: nested env keys from the pairs before',
      prompt: 'get_runbook_as_prompt',
      arg: 'vars',
      value: 'service=api,cluster=east,ns=',
      args: { runbook_search_keyword: 'deploy/rollback' },
      values: ['service=api,cluster=east,ns=payments', 'service=api,cluster=east,ns=search'],
    },
    {
      why: 'vars: nothing before a runbook is chosen',
      prompt: 'get_runbook_as_prompt',
      arg: 'vars',
      value: '',
      args: undefined,
      values: [],
    },
  ])('$why', async ({ prompt, arg, value, args, values }) => {
    expect(await complete({ type: 'ref/prompt', name: prompt }, arg, value, args)).toEqual(values);
  });

  it('completes runbook names in the resource template', async () => {
    expect(
      await complete({ type: 'ref/resource', uri: 'runbooks://runbooks/{+name}' }, 'name', 'docs'),
    ).toEqual(['docs/redis/README']);
  });

  it('says so for an unknown prompt', async () => {
    await expect(complete({ type: 'ref/prompt', name: 'nope' }, 'x', '')).rejects.toThrow(/nope/);
  });
});

describe('--include-last-log', () => {
  it('adds the latest log to every runbook prompt', async () => {
    const other = await startServer(entry, fx, ['--include-last-log', '--no-watch']);
    try {
      await callTool(other.client, 'create_runbook_log', {
        runbook_name: 'notes',
        execution_log: 'Second run: renewed one cert.',
      });
      const result = await other.client.getPrompt({ name: 'notes' });
      expect(promptText(result)).toContain('Second run: renewed one cert.');
    } finally {
      await other.close();
    }
  });
});

describe('runbook mcp', () => {
  it('serves the same tools, prompts and answers as dist/mcp.js', async () => {
    const cliEntry = await builtServerCopy('cli.js');
    const cli = await startServer([cliEntry, 'mcp'], fx, ['--no-watch']);
    try {
      const names = async (handle: ServerHandle) => ({
        tools: (await handle.client.listTools()).tools.map((t) => t.name),
        prompts: (await handle.client.listPrompts()).prompts.map((p) => p.name),
      });
      expect(await names(cli)).toEqual(await names(srv));
      const args = { name: 'docs/redis/README', vars: { instance: 'cache-1' } };
      // Each render starts its own run: all but the run id is the same.
      const answer = async (handle: ServerHandle) => ({
        ...(await callTool(handle.client, 'get_runbook', args)).structuredContent,
        run_id: 'each render its own',
      });
      expect(await answer(cli)).toEqual(await answer(srv));
      expect(cli.client.getServerVersion()).toEqual(srv.client.getServerVersion());
    } finally {
      await cli.close();
      await removeServerCopy(cliEntry);
    }
  });
});
