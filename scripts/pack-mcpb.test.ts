/**
 * `npm run pack:mcpb`: the real script packs a copy of the built server with the real `mcpb` CLI;
 * the bundle is unpacked, validated, and started from its own folder the way Claude Desktop does
 * (mcpb's own variable substitution, node by absolute path, a bare PATH, cwd = the bundle).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getMcpConfigForManifest, type McpbManifestAny } from '@anthropic-ai/mcpb';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy, repoRoot } from '../src-mcp/mcp/test-build.js';
import { makeFolder } from '../src-mcp/test-support/temp-folder.js';

const run = promisify(execFile);
const mcpbCli = path.join(repoRoot, 'node_modules/@anthropic-ai/mcpb/dist/cli/cli.js');

let work: string;
let unpacked: string;
let manifest: McpbManifestAny;
let serverCopy: string;

beforeAll(async () => {
  serverCopy = await builtServerCopy();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'mcpb-test-'));
  const bundle = path.join(work, 'runbook-companion.mcpb');
  await run(process.execPath, ['scripts/pack-mcpb.mjs', '--server', serverCopy, '--out', bundle], {
    cwd: repoRoot,
  });
  unpacked = path.join(work, 'unpacked');
  await run(process.execPath, [mcpbCli, 'unpack', bundle, unpacked]);
  manifest = JSON.parse(
    await fs.readFile(path.join(unpacked, 'manifest.json'), 'utf8'),
  ) as McpbManifestAny;
}, 120_000);

afterAll(async () => {
  await removeServerCopy(serverCopy);
  await fs.rm(work, { recursive: true, force: true });
});

describe('the .mcpb bundle', () => {
  it('passes mcpb validate and holds only the server, its run form, its manifest and the icon', async () => {
    const validated = await run(process.execPath, [
      mcpbCli,
      'validate',
      path.join(unpacked, 'manifest.json'),
    ]);
    expect(validated.stdout).toContain('Manifest schema validation passes!');
    const files = (await fs.readdir(unpacked, { recursive: true })).sort();
    expect(files).toEqual([
      'icon.png',
      'manifest.json',
      'server',
      'server/app',
      'server/app/run-form.html',
      'server/mcp-server.cjs',
      'server/mcp.js',
      'server/package.json',
    ]);
  });

  it('declares a node server, the user_config, the icon, the platforms and the real tools', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(manifest).toMatchObject({
      version: pkg.version,
      icon: 'icon.png',
      server: { type: 'node', entry_point: 'server/mcp.js' },
      compatibility: { platforms: ['darwin', 'win32', 'linux'] },
      user_config: {
        runbooks_dir: { type: 'directory', required: true },
        logs_dir: { type: 'directory', required: false },
        profile: { type: 'string', required: false },
      },
    });
    const tools = (manifest.tools ?? []).map((tool) => tool.name);
    expect(tools).toEqual(expect.arrayContaining(['search_runbooks', 'list_runbook_logs']));
  });

  const starts: { why: string; logs: boolean; profile?: string }[] = [
    { why: 'only the required runbook folder set (optional values left empty)', logs: false },
    { why: 'the earlier tool’s logs folder and a profile set', logs: true, profile: 'prod' },
  ];
  it.each(starts)(
    'starts from its own folder with a bare PATH: $why',
    async ({ logs, profile }) => {
      const home = await makeFolder(
        {
          'runbooks/deploy.md': '# Deploy the payments service\n\nkubectl -n {env[ns]} rollout\n',
          'runbooks/env.yaml': 'ns: default\n',
          'runbooks/env.prod.yaml': 'ns: payments-prod\n',
          'old-logs/deploy_2025-03-01_10:00:00.log': 'Earlier tool run of deploy.\n',
        },
        'mcpb-home-',
      );
      const userConfig = {
        runbooks_dir: path.join(home, 'runbooks'),
        ...(logs ? { logs_dir: path.join(home, 'old-logs') } : {}),
        ...(profile ? { profile } : {}),
      };
      const config = await getMcpConfigForManifest({
        manifest,
        extensionPath: unpacked,
        systemDirs: {},
        userConfig,
        pathSeparator: path.sep,
      });
      expect(config?.command).toBe('node');
      const data = path.join(home, 'data');
      const transport = new StdioClientTransport({
        // Claude Desktop runs `node` with its own runtime: here, this Node by absolute path.
        command: process.execPath,
        args: config?.args ?? [],
        env: {
          ...config?.env,
          PATH: '/nonexistent',
          HOME: home,
          RUNBOOK_COMPANION_DATA: data,
          RUNBOOK_COMPANION_CACHE: data,
        },
        cwd: unpacked,
        stderr: 'pipe',
      });
      const client = new Client({ name: 'mcpb-test', version: '0.0.0' });
      await client.connect(transport);
      try {
        const call = async (name: string, args: Record<string, unknown>): Promise<string> => {
          const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
          expect(result.isError).toBeFalsy();
          return JSON.stringify(result);
        };
        expect(await call('list_runbooks', {})).toContain('deploy');
        expect(await call('search_runbooks', { query: 'payments' })).toContain('deploy');
        const rendered = await call('get_runbook', { name: 'deploy' });
        expect(rendered).toContain(profile ? 'payments-prod' : 'default');
        const listed = await call('list_runbook_logs', { name: 'deploy' });
        if (logs) expect(listed).toContain('deploy_2025-03-01_10:00:00.log');
        else expect(listed).not.toContain('deploy_2025');
        // The run form's view comes from the bundle's own server/app/run-form.html.
        const form = await client.readResource({ uri: 'ui://runbook-companion/run-form.html' });
        const html = JSON.stringify(form.contents);
        expect(html).toContain('<script');
        expect(html).not.toContain('was not built');
      } finally {
        await client.close();
      }
      // Nothing was written into the bundle's folder (the 8 entries the first test lists).
      expect((await fs.readdir(unpacked, { recursive: true })).length).toBe(8);
      await fs.rm(home, { recursive: true, force: true });
    },
  );
});
