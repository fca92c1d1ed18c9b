import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { install, planInstall, planUninstall, uninstall } from './install.js';
import type { ServerLaunch } from './launch.js';
import { makeTempDir } from '../test-support/temp-folder.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

async function tempDir(prefix = 'clients-install-'): Promise<string> {
  return makeTempDir(prefix);
}

/** A launch of our bundle whose files exist, so no "does not exist" warnings muddy the results. */
async function realLaunch(dir: string): Promise<ServerLaunch> {
  const entry = path.join(dir, 'dist', 'mcp.js');
  await fs.mkdir(path.dirname(entry), { recursive: true });
  await fs.writeFile(entry, '');
  return { command: process.execPath, args: [entry, '--dir', path.join(dir, 'runbooks')] };
}

const now = new Date('2026-11-25T11:05:33.123Z');

// What Claude Desktop itself writes: two-space JSON with other settings around the servers.
const claudeFile = `{
  "globalShortcut": "Alt+Space",
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": [
        "-y",
        "@modelcontextprotocol/server-filesystem",
        "/Users/ada/Desktop"
      ]
    },
    "github": {
      "command": "/usr/local/bin/github-mcp",
      "env": {
        "GITHUB_TOKEN": "ghp_x"
      }
    }
  },
  "preferences": {
    "z": 1,
    "a": 2
  }
}
`;

describe('install into an existing Claude Desktop config', () => {
  it('adds only its entry: every other byte stays where it was', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, claudeFile);
    const launch = await realLaunch(dir);
    const result = await install({ configPath: file, launch, now });
    const after = await fs.readFile(file, 'utf8');
    expect(result).toMatchObject({ written: true, action: 'add', warnings: [] });
    const entryText = [
      '    "runbook": {',
      `      "command": ${JSON.stringify(launch.command)},`,
      '      "args": [',
      ...launch.args.map(
        (arg, i) => `        ${JSON.stringify(arg)}${i < launch.args.length - 1 ? ',' : ''}`,
      ),
      '      ]',
      '    }',
    ].join('\n');
    const expected = claudeFile.replace(
      '        "GITHUB_TOKEN": "ghp_x"\n      }\n    }\n',
      (m) => `${m.slice(0, -1)},\n${entryText}\n`,
    );
    expect(after).toBe(expected);
    expect(Object.keys(JSON.parse(after) as object)).toEqual([
      'globalShortcut',
      'mcpServers',
      'preferences',
    ]);
  });

  it('keeps a timestamped backup of the old bytes and the file mode', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, claudeFile);
    await fs.chmod(file, 0o600);
    const result = await install({ configPath: file, launch: await realLaunch(dir), now });
    expect(result.backupPath).toBe(`${file}.bak-2026-11-25T11-05-33Z`);
    expect(await fs.readFile(result.backupPath ?? '', 'utf8')).toBe(claudeFile);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a second backup in the same second gets its own name', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, claudeFile);
    const first = await install({ configPath: file, launch: await realLaunch(dir), now });
    const other = {
      command: process.execPath,
      args: [path.join(dir, 'dist', 'mcp.js'), '--dir', '/elsewhere'],
    };
    const second = await install({ configPath: file, launch: other, now });
    expect(second.backupPath).toBe(`${first.backupPath}-2`);
    expect(await fs.readFile(second.backupPath ?? '', 'utf8')).toBe(first.after);
  });

  it('writes through a symlink instead of replacing the link (dotfile managers)', async () => {
    const dir = await tempDir();
    const real = path.join(dir, 'dotfiles', 'claude.json');
    await fs.mkdir(path.dirname(real));
    await fs.writeFile(real, claudeFile);
    const link = path.join(dir, 'claude_desktop_config.json');
    await fs.symlink(real, link);
    await install({ configPath: link, launch: await realLaunch(dir), now });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toContain('"runbook"');
  });

  it('changes nothing when the entry is already what it would write', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, claudeFile);
    const launch = await realLaunch(dir);
    const first = await install({ configPath: file, launch, now });
    const second = await install({ configPath: file, launch, now });
    expect(second).toMatchObject({ action: 'none', written: false, diff: '' });
    expect(await fs.readFile(file, 'utf8')).toBe(first.after);
  });

  it('updates an out-of-date entry in place, keeping keys a user added to it', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mcp.json');
    const old = {
      mcpServers: {
        runbook: { command: '/old/node', args: ['/old/dist/mcp.js', '--dir', '/old'] },
        after: { command: '/x' },
      },
    };
    await fs.writeFile(file, JSON.stringify(old, null, 2));
    const launch = await realLaunch(dir);
    await install({ configPath: file, launch, now });
    const written = JSON.parse(await fs.readFile(file, 'utf8')) as {
      mcpServers: Record<string, unknown>;
    };
    expect(Object.keys(written.mcpServers)).toEqual(['runbook', 'after']);
    expect(written.mcpServers.runbook).toEqual({ command: launch.command, args: launch.args });
  });
});

describe('missing files and folders', () => {
  it('creates the folder and a file holding only its entry', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'Claude', 'nested', 'claude_desktop_config.json');
    const launch = await realLaunch(dir);
    const plan = await planInstall({ configPath: file, launch });
    expect(plan).toMatchObject({ action: 'create', before: '' });
    expect(plan.diff).toContain('+    "runbook": {');
    const result = await install({ configPath: file, launch });
    expect(result.backupPath).toBeUndefined();
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({
      mcpServers: { runbook: launch },
    });
  });

  it('adds the servers key to a config that has none, at the end', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, '{\n  "globalShortcut": ""\n}\n');
    await install({ configPath: file, launch: await realLaunch(dir) });
    expect(Object.keys(JSON.parse(await fs.readFile(file, 'utf8')) as object)).toEqual([
      'globalShortcut',
      'mcpServers',
    ]);
  });

  it('plans without writing', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'x', 'claude_desktop_config.json');
    await planInstall({ configPath: file, launch: await realLaunch(dir) });
    await expect(fs.access(path.dirname(file))).rejects.toThrow();
  });

  it('warns when the server entry does not exist yet (not built)', async () => {
    const dir = await tempDir();
    const launch = {
      command: process.execPath,
      args: [path.join(dir, 'dist', 'mcp.js'), '--dir', dir],
    };
    const plan = await planInstall({ configPath: path.join(dir, 'c.json'), launch });
    expect(plan.warnings).toEqual([
      `${launch.args[0]} does not exist yet; the client will fail to start the server until it does.`,
    ]);
  });

  it('refuses a command that is not an absolute path', async () => {
    const dir = await tempDir();
    const launch = { command: 'node', args: ['mcp.js'] };
    await expect(
      planInstall({ configPath: path.join(dir, 'c.json'), launch }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      key: 'command',
    });
  });
});

describe('a file it cannot rewrite is left byte-identical', () => {
  const cases: { why: string; text: string; where: RegExp }[] = [
    {
      why: 'broken JSON (a missing comma)',
      text: '{\n  "mcpServers": {}\n  "x": 1\n}\n',
      where: /:3:3: /,
    },
    { why: 'top level is an array', text: '[]\n', where: /:1:1: / },
    {
      why: 'servers key is not an object',
      text: '{"mcpServers": []}',
      where: /not an object of servers/,
    },
    { why: 'servers key is null', text: '{"mcpServers": null}', where: /not an object of servers/ },
    {
      why: 'Claude Desktop reads strict JSON: a comment is refused where it is',
      text: '{\n\t// my servers\n\t"mcpServers": {}\n}\n',
      where: /:2:2: The file has comments or trailing commas/,
    },
    {
      why: 'Claude Desktop reads strict JSON: a trailing comma is refused at the comma',
      text: '{\n\t"mcpServers": {},\n}',
      where: /:2:18: The file has comments or trailing commas/,
    },
  ];
  it.each(cases)('$why', async ({ text, where }) => {
    const dir = await tempDir();
    const file = path.join(dir, 'config.json');
    await fs.writeFile(file, text);
    const launch = await realLaunch(dir);
    const error = await rejectedRunbookError(install({ configPath: file, launch }));
    expect(error.code).toBe('invalid-json');
    expect(error.describe()).toMatch(where);
    expect(await fs.readFile(file, 'utf8')).toBe(text);
    expect((await fs.readdir(dir)).sort()).toEqual(['config.json', 'dist']);
  });

  it('a JSONC refusal shows the entry to add by hand', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mcp.json');
    await fs.writeFile(file, '{ /* x */ "mcpServers": {} }');
    const launch = await realLaunch(dir);
    const error = await rejectedRunbookError(install({ configPath: file, launch }));
    expect(error.fix).toContain('"mcpServers"');
    expect(error.fix).toContain(JSON.stringify(launch.command));
  });

  it('refuses (conflict) when the file changed since the preview the user confirmed', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.json');
    await fs.writeFile(file, '{}');
    const launch = await realLaunch(dir);
    const plan = await planInstall({ configPath: file, launch });
    await fs.writeFile(file, '{"mcpServers": {"new": {"command": "/x"}}}');
    await expect(
      install({ configPath: file, launch, expectedBefore: plan.before }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await fs.readFile(file, 'utf8')).toBe('{"mcpServers": {"new": {"command": "/x"}}}');
  });
});

describe('Cursor and VS Code formats', () => {
  it('Cursor: mcpServers with command/args', async () => {
    const dir = await tempDir();
    const ctx = { platform: 'linux' as const, homedir: dir, env: {} };
    const launch = await realLaunch(dir);
    const result = await install({ client: 'cursor', platform: ctx, launch });
    expect(result.configPath).toBe(path.join(dir, '.cursor', 'mcp.json'));
    expect(JSON.parse(await fs.readFile(result.configPath, 'utf8'))).toEqual({
      mcpServers: { runbook: launch },
    });
  });

  it('VS Code: servers with type stdio, tabs kept, "inputs" untouched', async () => {
    const dir = await tempDir();
    const ctx = { platform: 'linux' as const, homedir: dir, env: {} };
    const file = path.join(dir, '.config', 'Code', 'User', 'mcp.json');
    await fs.mkdir(path.dirname(file), { recursive: true });
    const text =
      '{\n\t"servers": {\n\t\t"other": {\n\t\t\t"type": "http",\n\t\t\t"url": "https://x"\n\t\t}\n\t},\n\t"inputs": []\n}';
    await fs.writeFile(file, text);
    const launch = { ...(await realLaunch(dir)), env: { ELECTRON_RUN_AS_NODE: '1' } };
    const result = await install({ client: 'vscode', platform: ctx, launch });
    expect(result.configPath).toBe(file);
    const after = await fs.readFile(file, 'utf8');
    expect(
      after.startsWith(
        '{\n\t"servers": {\n\t\t"other": {\n\t\t\t"type": "http",\n\t\t\t"url": "https://x"\n\t\t},\n\t\t"runbook": {\n\t\t\t"type": "stdio",',
      ),
    ).toBe(true);
    expect(after.endsWith('\n\t},\n\t"inputs": []\n}')).toBe(true);
    expect((JSON.parse(after) as { servers: Record<string, unknown> }).servers.runbook).toEqual({
      type: 'stdio',
      ...launch,
    });
  });
});

describe('JSONC clients keep their comments and trailing commas', () => {
  it('VS Code: install then uninstall gives back the commented file byte for byte', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mcp.json');
    const text =
      '{\n\t// my servers\n\t"servers": {\n\t\t"a": { "url": "x" }, /* keep */\n\t},\n}\n';
    await fs.writeFile(file, text);
    const launch = await realLaunch(dir);
    const result = await install({ configPath: file, client: 'vscode', launch, now });
    expect(result.after).toContain('/* keep */');
    expect(result.after).toContain('// my servers');
    await uninstall({ configPath: file, client: 'vscode', now });
    expect(await fs.readFile(file, 'utf8')).toBe(text);
  });
});

describe('uninstall', () => {
  it('removes only its entry: the file is byte-identical to before install', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, claudeFile);
    await install({ configPath: file, launch: await realLaunch(dir), now });
    const result = await uninstall({ configPath: file, now });
    expect(result).toMatchObject({ action: 'remove', written: true });
    expect(await fs.readFile(file, 'utf8')).toBe(claudeFile);
    expect(result.backupPath).toMatch(/\.bak-2026-11-25T11-05-33Z-2$/);
  });

  it('leaves an empty server map when its entry was the only one', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.json');
    await install({ configPath: file, launch: await realLaunch(dir) });
    await uninstall({ configPath: file });
    expect(await fs.readFile(file, 'utf8')).toBe('{\n  "mcpServers": {}\n}\n');
  });

  it('does nothing when there is no entry, or no file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.json');
    expect(await uninstall({ configPath: file })).toMatchObject({ action: 'none', written: false });
    await expect(fs.access(file)).rejects.toThrow();
    await fs.writeFile(file, claudeFile);
    expect(await uninstall({ configPath: file })).toMatchObject({ action: 'none', written: false });
    expect(await fs.readFile(file, 'utf8')).toBe(claudeFile);
  });

  it('never removes the earlier Python tool entry under its name', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.json');
    const text = JSON.stringify({
      mcpServers: { runbook: { command: 'uv', args: ['run', 'runbook_server.py'] } },
    });
    await fs.writeFile(file, text);
    const plan = await planUninstall({ configPath: file });
    expect(plan.action).toBe('none');
    expect(plan.warnings[0]).toMatch(/earlier Python tool/);
    await uninstall({ configPath: file });
    expect(await fs.readFile(file, 'utf8')).toBe(text);
  });
});
