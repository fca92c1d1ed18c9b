/** Whose entry it is, and the file system saying no: each refusal changes nothing. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../test-support/temp-folder.js';
import { configStatus } from './config-status.js';
import { describeStatus } from './describe.js';
import { install, uninstall } from './install.js';
import type { ServerLaunch } from './launch.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const now = new Date('2026-11-25T11:05:33.123Z');
const foreignEntry = '{ "command": "/usr/local/bin/other-runbook", "args": ["serve"] }';
const withForeign = `{\n  "mcpServers": {\n    "runbook": ${foreignEntry}\n  }\n}\n`;

async function setUp(text: string): Promise<{ dir: string; file: string; launch: ServerLaunch }> {
  const dir = await makeFolder({ 'claude_desktop_config.json': text }, 'config-safety-');
  const app = await makeFolder({ 'dist/mcp.js': '' }, 'config-safety-app-');
  const launch = {
    command: process.execPath,
    args: [path.join(app, 'dist', 'mcp.js'), '--dir', app],
  };
  return { dir, file: path.join(dir, 'claude_desktop_config.json'), launch };
}

describe('an entry under our name that runs another program is never ours', () => {
  it('status says whose it is', async () => {
    const { file, launch } = await setUp(withForeign);
    const status = await configStatus({ configPath: file, launch });
    expect(status.state).toBe('foreign');
    expect(describeStatus(status).join('\n')).toContain(
      'belongs to something else (it runs /usr/local/bin/other-runbook serve)',
    );
  });

  it('install refuses, naming --name and --force; nothing changes', async () => {
    const { dir, file, launch } = await setUp(withForeign);
    const error = await rejectedRunbookError(install({ configPath: file, launch, now }));
    expect(error).toMatchObject({ code: 'conflict', key: 'mcpServers.runbook' });
    expect(error.message).toMatch(/belongs to something else: it runs \/usr\/local/);
    expect(error.fix).toMatch(/--name runbook-companion.*--force/);
    expect(await fs.readFile(file, 'utf8')).toBe(withForeign);
    expect(await fs.readdir(dir)).toEqual(['claude_desktop_config.json']);
  });

  it('uninstall leaves it alone and says so', async () => {
    const { file } = await setUp(withForeign);
    const result = await uninstall({ configPath: file, now });
    expect(result).toMatchObject({ action: 'none', written: false });
    expect(result.warnings).toEqual([
      '"runbook" belongs to something else (/usr/local/bin/other-runbook serve); left as it is.',
    ]);
    expect(await fs.readFile(file, 'utf8')).toBe(withForeign);
  });

  it('--name installs beside it; later calls without --name find ours there', async () => {
    const { file, launch } = await setUp(withForeign);
    const added = await install({ configPath: file, launch, name: 'runbook-companion', now });
    expect(added.after).toContain(`"runbook": ${foreignEntry},\n    "runbook-companion": {`);
    const status = await configStatus({ configPath: file, launch });
    expect(status).toMatchObject({ name: 'runbook-companion', state: 'installed' });
    expect(await install({ configPath: file, launch, now })).toMatchObject({ action: 'none' });
    await uninstall({ configPath: file, now });
    expect(await fs.readFile(file, 'utf8')).toBe(withForeign);
  });

  it('--force replaces it, says so, and keeps a backup', async () => {
    const { file, launch } = await setUp(withForeign);
    const result = await install({ configPath: file, launch, force: true, now });
    expect(result.warnings).toContain(
      'Replacing "runbook", which ran /usr/local/bin/other-runbook serve (--force).',
    );
    expect(await fs.readFile(result.backupPath ?? '', 'utf8')).toBe(withForeign);
    expect((await configStatus({ configPath: file, launch })).state).toBe('installed');
  });
});

describe('the file system says no: refused before any temp file, nothing changes', () => {
  const text = '{\n  "mcpServers": {}\n}\n';
  const cases: { why: string; lock(dir: string, file: string): Promise<void>; refused: RegExp }[] =
    [
      {
        why: 'a read-only file (0444)',
        lock: (_d, f) => fs.chmod(f, 0o444),
        refused: /config file is read-only/,
      },
      {
        why: 'a read-only folder (0555)',
        lock: (d) => fs.chmod(d, 0o555),
        refused: /config folder is read-only/,
      },
    ];
  it.each(cases)('$why', async ({ lock, refused }) => {
    const { dir, file, launch } = await setUp(text);
    await lock(dir, file);
    try {
      await expect(install({ configPath: file, launch, now })).rejects.toThrow(refused);
      expect(await fs.readFile(file, 'utf8')).toBe(text);
      expect(await fs.readdir(dir)).toEqual(['claude_desktop_config.json']);
    } finally {
      await fs.chmod(dir, 0o755);
    }
  });

  it('a dangling symlink is refused and left pointing where it did', async () => {
    const { dir, launch } = await setUp(text);
    const link = path.join(dir, 'link.json');
    await fs.symlink(path.join(dir, 'gone', 'config.json'), link);
    await expect(install({ configPath: link, launch, now })).rejects.toThrow(
      /symbolic link to nothing/,
    );
    expect(await fs.readlink(link)).toBe(path.join(dir, 'gone', 'config.json'));
    expect((await fs.readdir(dir)).sort()).toEqual(['claude_desktop_config.json', 'link.json']);
    expect((await configStatus({ configPath: link })).state).toBe('invalid');
  });

  it('a write that fails at the last step leaves the original and no temp or backup', async () => {
    const { dir, file, launch } = await setUp(text);
    const diskFull = async (): Promise<void> => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const error = await rejectedRunbookError(
      install({ configPath: file, launch, now, hooks: { beforeRename: diskFull } }),
    );
    expect(error).toMatchObject({
      code: 'io',
      message: expect.stringMatching(/could not be written: ENOSPC/) as unknown,
    });
    expect(await fs.readFile(file, 'utf8')).toBe(text);
    expect(await fs.readdir(dir)).toEqual(['claude_desktop_config.json']);
  });
});

const asRoot = process.getuid?.() === 0;
describe.skipIf(!asRoot)("run as root on another user's file (skipped unless root)", () => {
  const owners = [
    { why: 'a login user', uid: 1000, gid: 1000 },
    { why: 'nobody', uid: 65534, gid: 65534 },
  ];
  it.each(owners)('the file and its backup stay owned by $why', async ({ uid, gid }) => {
    const { file, launch } = await setUp('{}');
    await fs.chown(file, uid, gid);
    await fs.chmod(file, 0o600);
    const result = await install({ configPath: file, launch, now });
    for (const written of [file, result.backupPath ?? '']) {
      const stat = await fs.stat(written);
      expect({ uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o777 }).toEqual({
        uid,
        gid,
        mode: 0o600,
      });
    }
  });
});
