import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientSpec, resolveConfigPath } from './clients.js';
import type { ClientId } from './client-spec.js';
import type { PlatformContext } from './platform.js';
import { makeTempDir } from '../test-support/temp-folder.js';

const home = '/home/ada';

describe('config locations per client and OS', () => {
  const cases: { why: string; client: ClientId; ctx: PlatformContext; file: string }[] = [
    {
      why: 'Claude Desktop on macOS lives in Application Support',
      client: 'claude',
      ctx: { platform: 'darwin', homedir: '/Users/ada', env: {} },
      file: '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
    },
    {
      why: 'Claude Desktop on Windows lives in %APPDATA%',
      client: 'claude',
      ctx: {
        platform: 'win32',
        homedir: home,
        env: { APPDATA: '/roaming', LOCALAPPDATA: '/local' },
      },
      file: '/roaming/Claude/claude_desktop_config.json',
    },
    {
      why: 'Windows without APPDATA falls back to the profile folder',
      client: 'claude',
      ctx: { platform: 'win32', homedir: home, env: {} },
      file: `${home}/AppData/Roaming/Claude/claude_desktop_config.json`,
    },
    {
      why: 'Claude Desktop community builds on Linux use ~/.config',
      client: 'claude',
      ctx: { platform: 'linux', homedir: home, env: {} },
      file: `${home}/.config/Claude/claude_desktop_config.json`,
    },
    {
      why: 'XDG_CONFIG_HOME moves Electron apps on Linux',
      client: 'claude',
      ctx: { platform: 'linux', homedir: home, env: { XDG_CONFIG_HOME: '/xdg' } },
      file: '/xdg/Claude/claude_desktop_config.json',
    },
    {
      why: 'Cursor uses ~/.cursor on every OS',
      client: 'cursor',
      ctx: { platform: 'win32', homedir: home, env: { APPDATA: '/roaming' } },
      file: `${home}/.cursor/mcp.json`,
    },
    {
      why: 'VS Code on macOS: user settings folder',
      client: 'vscode',
      ctx: { platform: 'darwin', homedir: '/Users/ada', env: {} },
      file: '/Users/ada/Library/Application Support/Code/User/mcp.json',
    },
    {
      why: 'VS Code on Windows: %APPDATA%\\Code\\User',
      client: 'vscode',
      ctx: { platform: 'win32', homedir: home, env: { APPDATA: '/roaming' } },
      file: '/roaming/Code/User/mcp.json',
    },
    {
      why: 'VS Code on Linux: ~/.config/Code/User',
      client: 'vscode',
      ctx: { platform: 'linux', homedir: home, env: {} },
      file: `${home}/.config/Code/User/mcp.json`,
    },
  ];
  it.each(cases)('$why', ({ client, ctx, file }) => {
    expect(resolveConfigPath(clientSpec(client), ctx).path).toBe(path.normalize(file));
  });

  it('--config overrides the usual place', () => {
    const ctx: PlatformContext = { platform: 'linux', homedir: home, env: {} };
    expect(resolveConfigPath(clientSpec('claude'), ctx, '/tmp/x.json')).toEqual({
      path: '/tmp/x.json',
      alsoFound: [],
    });
  });

  it('rejects an unknown client with the ones it knows', () => {
    expect(() => clientSpec('zed')).toThrow(/Unknown client "zed"/);
  });
});

describe('Claude Desktop on Windows: the Store (MSIX) copy', () => {
  async function windowsHome(): Promise<PlatformContext> {
    const root = await makeTempDir('clients-win-');
    return {
      platform: 'win32',
      homedir: root,
      env: { APPDATA: path.join(root, 'Roaming'), LOCALAPPDATA: path.join(root, 'Local') },
    };
  }
  const msixFile = (ctx: PlatformContext): string =>
    path.join(
      ctx.env.LOCALAPPDATA ?? '',
      'Packages',
      'Claude_pzs8sxrjxfjjc',
      'LocalCache',
      'Roaming',
      'Claude',
      'claude_desktop_config.json',
    );
  const roamingFile = (ctx: PlatformContext): string =>
    path.join(ctx.env.APPDATA ?? '', 'Claude', 'claude_desktop_config.json');

  it('creates in the package folder when the Store app is installed', async () => {
    const ctx = await windowsHome();
    await fs.mkdir(path.join(ctx.env.LOCALAPPDATA ?? '', 'Packages', 'Claude_pzs8sxrjxfjjc'), {
      recursive: true,
    });
    expect(resolveConfigPath(clientSpec('claude'), ctx).path).toBe(msixFile(ctx));
  });

  it('finds the MSIX file, and reports the %APPDATA% one as also found', async () => {
    const ctx = await windowsHome();
    for (const file of [msixFile(ctx), roamingFile(ctx)]) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, '{}');
    }
    expect(resolveConfigPath(clientSpec('claude'), ctx)).toEqual({
      path: msixFile(ctx),
      alsoFound: [roamingFile(ctx)],
    });
  });

  it('uses %APPDATA% when only that file exists', async () => {
    const ctx = await windowsHome();
    await fs.mkdir(path.dirname(roamingFile(ctx)), { recursive: true });
    await fs.writeFile(roamingFile(ctx), '{}');
    expect(resolveConfigPath(clientSpec('claude'), ctx)).toEqual({
      path: roamingFile(ctx),
      alsoFound: [],
    });
  });
});
