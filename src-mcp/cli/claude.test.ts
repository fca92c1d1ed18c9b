import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../clients/launch.js';
import { runCliCaptured, type CliRun } from '../test-support/run-cli.js';
import { makeTempDir } from '../test-support/temp-folder.js';

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliCaptured(['claude', ...args], { env, cwd: os.tmpdir() });
}

/** A temp "home": a runbook folder and the path a config file would have (not created). */
async function setup(): Promise<{ root: string; dir: string; config: string }> {
  const root = await makeTempDir('cli-claude-');
  const dir = path.join(root, 'runbooks');
  await fs.mkdir(dir);
  await fs.writeFile(path.join(dir, 'hello.md'), '# Hello\n');
  return { root, dir, config: path.join(root, 'Claude', 'claude_desktop_config.json') };
}

const builtEntry = path.join(findRepoRoot(import.meta.url), 'dist', 'mcp.js');
type Config = { mcpServers: Record<string, { command: string; args: string[] }> };
const readConfig = async (file: string): Promise<Config> =>
  JSON.parse(await fs.readFile(file, 'utf8')) as Config;

describe('runbook claude', () => {
  it('install writes an absolute launch of this checkout, then status says installed', async () => {
    const { dir, config } = await setup();
    const installed = await cli(['install', '--config', config, '--dir', dir]);
    expect(installed).toMatchObject({ code: 0, stderr: '' });
    expect(installed.stdout).toContain('+    "runbook": {');
    expect(installed.stdout).toContain('created the file with "runbook"');
    expect((await readConfig(config)).mcpServers.runbook).toEqual({
      command: process.execPath,
      args: [builtEntry, '--dir', dir],
    });
    const status = await cli(['status', '--config', config, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      state: 'installed',
      configPath: config,
      differences: [],
    });
  });

  it('status: an entry whose node moved is out of date, judged against its own folder', async () => {
    const { dir, config } = await setup();
    await cli(['install', '--config', config, '--dir', dir]);
    const text = await fs.readFile(config, 'utf8');
    await fs.writeFile(config, text.replace(JSON.stringify(process.execPath), '"/old/nvm/node"'));
    const status = await cli(['status', '--config', config]);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('"runbook": installed, but out of date (command differ)');
    expect(status.stdout).toContain('problem: /old/nvm/node does not exist');
  });

  it('install --client vscode writes a stdio server under "servers"', async () => {
    const { root, dir } = await setup();
    const config = path.join(root, 'mcp.json');
    expect(
      (
        await cli([
          'install',
          '--client',
          'vscode',
          '--config',
          config,
          '--dir',
          dir,
          '--name',
          'rb',
        ])
      ).code,
    ).toBe(0);
    const written = JSON.parse(await fs.readFile(config, 'utf8')) as {
      servers: Record<string, { type: string }>;
    };
    expect(written.servers.rb?.type).toBe('stdio');
  });

  it('an invalid file: exit 2 with file:line:column, and the file is untouched', async () => {
    const { root, dir } = await setup();
    const config = path.join(root, 'c.json');
    await fs.writeFile(config, '{\n  "mcpServers": {,\n}\n');
    for (const action of ['status', 'install']) {
      const result = await cli([action, '--config', config, '--dir', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${config}:2:18: The file is not valid JSON`);
    }
    expect(await fs.readFile(config, 'utf8')).toBe('{\n  "mcpServers": {,\n}\n');
  });

  it('the earlier tool: refused without --replace-legacy; with it, its folders are taken over', async () => {
    const { root, config } = await setup();
    const checkout = path.join(root, 'runbook-mcp-server');
    await fs.mkdir(path.join(checkout, 'my-runbooks'), { recursive: true });
    await fs.writeFile(
      path.join(checkout, 'config.yaml'),
      'runbooksDir: my-runbooks\nrunbookLogsDir: /var/log/rb\n',
    );
    const legacy = { command: 'uv', args: ['--directory', checkout, 'run', 'runbook_server.py'] };
    await fs.mkdir(path.dirname(config), { recursive: true });
    await fs.writeFile(config, JSON.stringify({ mcpServers: { runbook: legacy } }, null, 2));

    const refused = await cli(['install', '--config', config]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/earlier Python runbook server[\s\S]*--replace-legacy/);

    const replaced = await cli(['install', '--config', config, '--replace-legacy']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(
      `Taking over the earlier tool's runbook folder ${path.join(checkout, 'my-runbooks')}`,
    );
    expect(replaced.stdout).toMatch(/Backup: .*\.bak-/);
    expect((await readConfig(config)).mcpServers.runbook?.args).toEqual([
      builtEntry,
      '--dir',
      path.join(checkout, 'my-runbooks'),
      '--logs',
      '/var/log/rb',
    ]);
  });

  it('uninstall removes the entry and keeps the others', async () => {
    const { dir, config } = await setup();
    await fs.mkdir(path.dirname(config), { recursive: true });
    await fs.writeFile(
      config,
      JSON.stringify({ mcpServers: { other: { command: '/x' } } }, null, 2),
    );
    await cli(['install', '--config', config, '--dir', dir]);
    const removed = await cli(['uninstall', '--config', config]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('removed "runbook"');
    expect(await readConfig(config)).toEqual({ mcpServers: { other: { command: '/x' } } });
  });

  it('another program under our name: status names it; install needs --name or --force', async () => {
    const { root, dir } = await setup();
    const config = path.join(root, 'c.json');
    const theirs = { command: '/opt/other/bin/runbook-server', args: ['--stdio'] };
    const text = `${JSON.stringify({ mcpServers: { runbook: theirs } }, null, 2)}\n`;
    await fs.writeFile(config, text);

    const status = await cli(['status', '--config', config]);
    expect(status.stdout).toContain(
      'belongs to something else (it runs /opt/other/bin/runbook-server --stdio)',
    );
    const refused = await cli(['install', '--config', config, '--dir', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /belongs to something else[\s\S]*--name runbook-companion[\s\S]*--force/,
    );
    const removed = await cli(['uninstall', '--config', config]);
    expect(removed.stdout).toContain('belongs to something else');
    expect(await fs.readFile(config, 'utf8')).toBe(text);

    const beside = await cli(['install', '--config', config, '--dir', dir, '--name', 'rb']);
    expect(beside.code).toBe(0);
    expect((await readConfig(config)).mcpServers).toMatchObject({
      runbook: theirs,
      rb: { command: process.execPath },
    });
    await cli(['uninstall', '--config', config]);
    expect(await fs.readFile(config, 'utf8')).toBe(text);

    const forced = await cli(['install', '--config', config, '--dir', dir, '--force']);
    expect(forced.stdout).toContain(
      'Replacing "runbook", which ran /opt/other/bin/runbook-server --stdio (--force).',
    );
    expect((await readConfig(config)).mcpServers.runbook?.args).toEqual([builtEntry, '--dir', dir]);
  });

  it('test: a configured command that does not exist fails with exit 1 and says why', async () => {
    const { root, dir } = await setup();
    const config = path.join(root, 'c.json');
    const entry = { command: '/nonexistent/node', args: [builtEntry, '--dir', dir] };
    await fs.writeFile(config, JSON.stringify({ mcpServers: { runbook: entry } }));
    const result = await cli(['test', '--config', config]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('/nonexistent/node');
    expect(result.stderr).toMatch(/did not start: .*ENOENT/);
  });

  const usageErrors: { why: string; args: string[]; message: RegExp }[] = [
    { why: 'no action', args: [], message: /Say what to do/ },
    { why: 'unknown action', args: ['fix'], message: /Unknown "runbook claude fix"/ },
    { why: 'unknown client', args: ['status', '--client', 'zed'], message: /Unknown client "zed"/ },
    { why: 'unknown option', args: ['status', '--yes'], message: /Unknown option '--yes'/ },
  ];
  it.each(usageErrors)('user error → exit 2: $why', async ({ args, message }) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
