/**
 * `runbook claude` next to the earlier Python tool, and an entry that survives a Node upgrade:
 * the real CLI on real config files in temp folders (HOME points at a temp folder too).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../clients/launch.js';
import { builtServerCopy, removeServerCopy } from '../mcp/test-build.js';
import { runCliCaptured, type CliRun } from '../test-support/run-cli.js';
import { makeTempDir } from '../test-support/temp-folder.js';

interface Home {
  home: string;
  config: string;
  checkout: string;
  runbooks: string;
  legacyLogs: string;
  env: Record<string, string>;
}

type Entry = { command: string; args: string[]; env?: Record<string, string> };
type Config = { mcpServers: Record<string, Entry>; globalShortcut?: string };

const builtEntry = path.join(findRepoRoot(import.meta.url), 'dist', 'mcp.js');
const legacyEntry = (checkout: string): Entry => ({
  command: '/Users/me/.local/bin/uv',
  args: ['--directory', checkout, 'run', 'runbook_server.py'],
});

function cli(home: Home, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliCaptured(['claude', ...args, '--config', home.config], {
    env: { ...home.env, ...env },
    cwd: home.home,
  });
}

/** A temp home with the earlier tool's checkout, its config.yaml and its entry under `legacyName`. */
async function homeWithLegacy(legacyName: string): Promise<Home> {
  const home = await makeTempDir('claude-migration-');
  const checkout = path.join(home, 'src', 'runbook-mcp-server');
  const runbooks = path.join(home, 'ops-runbooks');
  const legacyLogs = path.join(home, 'runbook-logs');
  await fs.mkdir(checkout, { recursive: true });
  await fs.mkdir(runbooks);
  await fs.writeFile(path.join(runbooks, 'deploy.md'), '# Deploy {var.service}\n');
  await fs.writeFile(
    path.join(checkout, 'config.yaml'),
    'runbooksDir: ~/ops-runbooks\nrunbookLogsDir: ../../runbook-logs\nrunbooksIndexDir: ./index\n',
  );
  const config = path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
  await fs.mkdir(path.dirname(config), { recursive: true });
  const text = `${JSON.stringify({ globalShortcut: 'Ctrl+Space', mcpServers: { [legacyName]: legacyEntry(checkout) } }, null, 2)}\n`;
  await fs.writeFile(config, text);
  const data = path.join(home, 'data');
  return {
    home,
    config,
    checkout,
    runbooks,
    legacyLogs,
    env: { HOME: home, RUNBOOK_COMPANION_DATA: data, RUNBOOK_COMPANION_CACHE: data },
  };
}

const readConfig = async (file: string): Promise<Config> =>
  JSON.parse(await fs.readFile(file, 'utf8')) as Config;

describe('runbook claude install next to the earlier tool', () => {
  it('a plain install beside it (another name) serves its folders and says how to replace it', async () => {
    const home = await homeWithLegacy('runbook-py');
    const result = await cli(home, ['install']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(
      `Taking over the earlier tool's runbook folder ${home.runbooks} (--dir chooses another).`,
    );
    expect(result.stdout).toContain(
      '"runbook-py" still runs the earlier Python runbook server; --replace-legacy removes it.',
    );
    const written = await readConfig(home.config);
    expect(written.mcpServers.runbook?.args).toEqual([
      builtEntry,
      '--dir',
      home.runbooks,
      '--logs',
      home.legacyLogs,
    ]);
    expect(written.mcpServers['runbook-py']).toEqual(legacyEntry(home.checkout));
    expect(written.globalShortcut).toBe('Ctrl+Space');
  });

  it('--dir wins over its runbook folder; its logs folder is still served', async () => {
    const home = await homeWithLegacy('runbook-py');
    const mine = path.join(home.home, 'mine');
    await fs.mkdir(mine);
    expect((await cli(home, ['install', '--dir', mine])).code).toBe(0);
    expect((await readConfig(home.config)).mcpServers.runbook?.args).toEqual([
      builtEntry,
      '--dir',
      mine,
      '--logs',
      home.legacyLogs,
    ]);
  });

  it('under our name: refused with how to replace it; --replace-legacy replaces it with a backup', async () => {
    const home = await homeWithLegacy('runbook');
    const original = await fs.readFile(home.config, 'utf8');
    const refused = await cli(home, ['install']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Run again with --replace-legacy to replace it');
    expect(await fs.readFile(home.config, 'utf8')).toBe(original);

    const replaced = await cli(home, ['install', '--replace-legacy']);
    expect(replaced.code).toBe(0);
    const backup = /Backup: (.*)/.exec(replaced.stdout)?.[1] ?? '';
    expect(await fs.readFile(backup, 'utf8')).toBe(original);
    const written = await readConfig(home.config);
    expect(Object.keys(written.mcpServers)).toEqual(['runbook']);
    expect(written.mcpServers.runbook?.args.slice(1)).toEqual([
      '--dir',
      home.runbooks,
      '--logs',
      home.legacyLogs,
    ]);
    expect(written.globalShortcut).toBe('Ctrl+Space');
  });
});

describe('an entry that survives', () => {
  let app: string;
  let appEntry: string;
  let serverCopy: string;
  beforeAll(async () => {
    // A stand-in for the installed app: its "binary" is this Node (which ignores
    // ELECTRON_RUN_AS_NODE), its unpacked entry the built server.
    serverCopy = await builtServerCopy();
    const root = await makeTempDir('installed-app-');
    app = path.join(root, 'runbook-companion');
    appEntry = path.join(root, 'resources', 'app.asar.unpacked', 'dist', 'mcp.js');
    await fs.symlink(process.execPath, app);
    // The whole built copy: mcp.js runs its program and reads its run form beside it.
    await fs.cp(path.dirname(serverCopy), path.dirname(appEntry), { recursive: true });
  });
  afterAll(async () => removeServerCopy(serverCopy));

  it('prefers the installed app’s binary as Node; status and test agree it works', async () => {
    const home = await homeWithLegacy('runbook-py');
    const withApp = { RUNBOOK_COMPANION_APP: app };
    expect((await cli(home, ['install'], withApp)).code).toBe(0);
    expect((await readConfig(home.config)).mcpServers.runbook).toEqual({
      command: app,
      args: [appEntry, '--dir', home.runbooks, '--logs', home.legacyLogs],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const status = await cli(home, ['status', '--json'], withApp);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'installed', problems: [] });
    const tested = await cli(home, ['test'], withApp);
    expect(tested.stdout).toMatch(/Connected to .*\n.*search_runbooks/);
    expect(tested.code).toBe(0);
  });

  const missing: { why: string; entry: (home: Home) => Entry; problem: RegExp }[] = [
    {
      why: 'the node was removed by nvm',
      entry: (home) => ({
        command: path.join(home.home, '.nvm/versions/node/v20.1.0/bin/node'),
        args: [builtEntry, '--dir', home.runbooks],
      }),
      problem: /problem: .*\.nvm\/versions\/node\/v20\.1\.0\/bin\/node does not exist/,
    },
    {
      why: 'the built script was deleted',
      entry: (home) => ({
        command: process.execPath,
        args: [path.join(home.home, 'gone', 'dist', 'mcp.js'), '--dir', home.runbooks],
      }),
      problem: /problem: .*gone\/dist\/mcp\.js does not exist/,
    },
  ];
  it.each(missing)('status and test exit 1 when $why', async ({ entry, problem }) => {
    const home = await homeWithLegacy('runbook-py');
    const config = await readConfig(home.config);
    config.mcpServers.runbook = entry(home);
    await fs.writeFile(home.config, JSON.stringify(config, null, 2));
    const status = await cli(home, ['status']);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(problem);
    const tested = await cli(home, ['test']);
    expect(tested.code).toBe(1);
    expect(tested.stderr).toMatch(problem);
    expect(tested.stderr).toContain('Run install to write an entry that starts.');
  });
});
