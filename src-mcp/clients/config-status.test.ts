import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configStatus } from './config-status.js';
import { install, planInstall } from './install.js';
import type { ServerLaunch } from './launch.js';
import { makeTempDir } from '../test-support/temp-folder.js';

async function tempDir(): Promise<string> {
  return makeTempDir('clients-status-');
}

async function realLaunch(dir: string, folder = path.join(dir, 'runbooks')): Promise<ServerLaunch> {
  const entry = path.join(dir, 'dist', 'mcp.js');
  await fs.mkdir(path.dirname(entry), { recursive: true });
  await fs.writeFile(entry, '');
  return { command: process.execPath, args: [entry, '--dir', folder] };
}

async function configWith(dir: string, servers: Record<string, unknown>): Promise<string> {
  const file = path.join(dir, 'claude_desktop_config.json');
  await fs.writeFile(file, `${JSON.stringify({ mcpServers: servers }, null, 2)}\n`);
  return file;
}

/** The earlier Python tool's checkout: its entry points here and its config.yaml names the folders. */
async function legacyCheckout(
  dir: string,
  yaml: string,
): Promise<{ checkout: string; entry: unknown }> {
  const checkout = path.join(dir, 'runbook-mcp-server');
  await fs.mkdir(checkout);
  await fs.writeFile(path.join(checkout, 'config.yaml'), yaml);
  return {
    checkout,
    entry: { command: 'uv', args: ['--directory', checkout, 'run', 'runbook_server.py'] },
  };
}

describe('status', () => {
  it('not installed: no file at all', async () => {
    const dir = await tempDir();
    const status = await configStatus({ configPath: path.join(dir, 'none.json') });
    expect(status).toMatchObject({
      state: 'not-installed',
      fileExists: false,
      legacy: [],
      otherServers: [],
    });
  });

  it('not installed, listing the other servers', async () => {
    const dir = await tempDir();
    const file = await configWith(dir, { github: { command: '/x' } });
    expect(await configStatus({ configPath: file })).toMatchObject({
      state: 'not-installed',
      otherServers: ['github'],
    });
  });

  it('installed: the entry matches what install writes', async () => {
    const dir = await tempDir();
    const launch = await realLaunch(dir);
    const file = await configWith(dir, { runbook: launch });
    const status = await configStatus({ configPath: file, launch });
    expect(status).toMatchObject({ state: 'installed', differences: [], problems: [] });
  });

  it('installed without a launch to compare with', async () => {
    const dir = await tempDir();
    const file = await configWith(dir, { runbook: await realLaunch(dir) });
    expect((await configStatus({ configPath: file })).state).toBe('installed');
  });

  it('env order does not make an entry outdated', async () => {
    const dir = await tempDir();
    const launch = { ...(await realLaunch(dir)), env: { A: '1', B: '2' } };
    const file = await configWith(dir, { runbook: { ...launch, env: { B: '2', A: '1' } } });
    expect((await configStatus({ configPath: file, launch })).state).toBe('installed');
  });

  const outdated: { why: string; change: (l: ServerLaunch) => unknown; fields: string[] }[] = [
    {
      why: 'node moved (nvm upgrade)',
      change: (l) => ({ ...l, command: '/old/node' }),
      fields: ['command'],
    },
    {
      why: 'another folder',
      change: (l) => ({ ...l, args: [l.args[0], '--dir', '/other'] }),
      fields: ['args'],
    },
    {
      why: 'an env var it does not set',
      change: (l) => ({ ...l, env: { DEBUG: '1' } }),
      fields: ['env'],
    },
    {
      why: 'the folder arguments were lost',
      change: (l) => ({ command: l.command, args: l.args.slice(0, 1) }),
      fields: ['args'],
    },
  ];
  it.each(outdated)('outdated: $why', async ({ change, fields }) => {
    const dir = await tempDir();
    const launch = await realLaunch(dir);
    const file = await configWith(dir, { runbook: change(launch) });
    const status = await configStatus({ configPath: file, launch });
    expect(status.state).toBe('outdated');
    expect(status.differences.map((d) => d.field)).toEqual(fields);
  });

  it('VS Code: a missing type "stdio" is a difference', async () => {
    const dir = await tempDir();
    const launch = await realLaunch(dir);
    const file = path.join(dir, 'mcp.json');
    await fs.writeFile(file, JSON.stringify({ servers: { runbook: launch } }));
    const status = await configStatus({ client: 'vscode', configPath: file, launch });
    expect(status.differences).toEqual([{ field: 'type', current: undefined, expected: 'stdio' }]);
  });

  it('reports an entry that would fail to start', async () => {
    const dir = await tempDir();
    const file = await configWith(dir, {
      runbook: { command: '/gone/node', args: ['/gone/mcp.js'] },
    });
    expect((await configStatus({ configPath: file })).problems).toEqual([
      '/gone/node does not exist',
      '/gone/mcp.js does not exist',
    ]);
  });

  it('invalid: reports where, and does not throw', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.json');
    await fs.writeFile(file, '{\n  "mcpServers": {\n}');
    const status = await configStatus({ configPath: file });
    expect(status.state).toBe('invalid');
    expect(status.error).toMatchObject({ code: 'invalid-json', file, line: 3, column: 2 });
  });
});

describe('the earlier Python tool', () => {
  it('is recognised, and its folders read from config.yaml (relative to its checkout, ~ expanded)', async () => {
    const dir = await tempDir();
    const { checkout, entry } = await legacyCheckout(
      dir,
      'runbooksDir: ./runbooks\nrunbookLogsDir: ~/runbook-logs\nrunbooksIndexDir: /var/index\n',
    );
    const file = await configWith(dir, { runbook: entry });
    const status = await configStatus({
      configPath: file,
      platform: { platform: 'linux', homedir: '/home/ada', env: {} },
    });
    expect(status.state).toBe('legacy');
    expect(status.legacy).toEqual([
      expect.objectContaining({
        name: 'runbook',
        directory: checkout,
        configFile: path.join(checkout, 'config.yaml'),
        runbooksDir: path.join(checkout, 'runbooks'),
        logsDir: '/home/ada/runbook-logs',
        indexDir: '/var/index',
      }),
    ]);
    expect(status.problems).toEqual([
      '"uv" is not an absolute path; clients do not see your shell\'s PATH',
    ]);
  });

  it('under another name, it is listed while ours is not installed', async () => {
    const dir = await tempDir();
    const { entry } = await legacyCheckout(dir, 'runbooksDir: /rb\n');
    const file = await configWith(dir, {
      'old-runbooks': { ...(entry as object), command: '/opt/bin/uv' },
    });
    const status = await configStatus({ configPath: file });
    expect(status.state).toBe('not-installed');
    expect(status.legacy.map((l) => [l.name, l.runbooksDir])).toEqual([['old-runbooks', '/rb']]);
  });

  it('says why its folders are unknown when config.yaml is missing', async () => {
    const dir = await tempDir();
    const file = await configWith(dir, {
      runbook: { command: 'uv', args: ['--directory=/nowhere', 'run', 'runbook_server.py'] },
    });
    const [legacy] = (await configStatus({ configPath: file })).legacy;
    expect(legacy?.problem).toBe(`${path.join('/nowhere', 'config.yaml')} could not be read`);
  });

  it('install refuses to replace it unless asked, and changes nothing', async () => {
    const dir = await tempDir();
    const { entry } = await legacyCheckout(dir, 'runbooksDir: /rb\nrunbookLogsDir: /logs\n');
    const file = await configWith(dir, { runbook: entry });
    const before = await fs.readFile(file, 'utf8');
    const refusal = planInstall({ configPath: file, launch: await realLaunch(dir) });
    await expect(refusal).rejects.toMatchObject({
      code: 'conflict',
      key: 'mcpServers.runbook',
      fix: expect.stringMatching(/--replace-legacy/),
    });
    await expect(refusal).rejects.toThrow(
      /earlier Python runbook server .*runbooks in \/rb, logs in \/logs/,
    );
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('--replace-legacy replaces it in place, with a backup', async () => {
    const dir = await tempDir();
    const { entry } = await legacyCheckout(dir, 'runbooksDir: /rb\n');
    const file = await configWith(dir, { runbook: entry, other: { command: '/x' } });
    const before = await fs.readFile(file, 'utf8');
    const launch = await realLaunch(dir);
    const result = await install({ configPath: file, launch, replaceLegacy: true });
    expect(result.replacesLegacy.map((l) => l.name)).toEqual(['runbook']);
    expect(await fs.readFile(result.backupPath ?? '', 'utf8')).toBe(before);
    const servers = (JSON.parse(await fs.readFile(file, 'utf8')) as { mcpServers: object })
      .mcpServers;
    expect(servers).toEqual({ runbook: launch, other: { command: '/x' } });
    expect(Object.keys(servers)).toEqual(['runbook', 'other']);
  });

  it('under another name: install proceeds with a warning, or removes it when asked', async () => {
    const dir = await tempDir();
    const { entry } = await legacyCheckout(dir, 'runbooksDir: /rb\n');
    const launch = await realLaunch(dir);
    const file = await configWith(dir, { 'runbook-py': entry });
    const kept = await planInstall({ configPath: file, launch });
    expect(kept.warnings).toEqual([
      '"runbook-py" still runs the earlier Python runbook server; --replace-legacy removes it.',
    ]);
    await install({ configPath: file, launch, replaceLegacy: true });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({
      mcpServers: { runbook: launch },
    });
  });
});
