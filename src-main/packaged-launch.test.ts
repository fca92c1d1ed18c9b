import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../src-mcp/test-support/temp-folder.js';
import { appExtensionFile, appLaunch, packagedLaunch } from './packaged-launch.js';

const resourcesPath = path.resolve('/Applications/Runbook Companion.app/Contents/Resources');
const execPath = path.resolve(
  '/Applications/Runbook Companion.app/Contents/MacOS/Runbook Companion',
);
const folder = path.resolve('/Users/me/runbooks');

describe('packagedLaunch', () => {
  it('runs the unpacked MCP entry with the app binary as plain Node', () => {
    expect(packagedLaunch(folder, { execPath, resourcesPath })).toEqual({
      command: execPath,
      args: [path.join(resourcesPath, 'app.asar.unpacked', 'dist', 'mcp.js'), '--dir', folder],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
  });

  it('makes a relative folder absolute (clients start servers from an unknown cwd)', () => {
    const launch = packagedLaunch('runbooks', { execPath, resourcesPath });
    expect(launch.args.at(-1)).toBe(path.resolve('runbooks'));
  });
});

describe('appLaunch', () => {
  it('uses the checkout’s built entry when running unpackaged (electron .)', () => {
    const appPath = path.resolve('/src/runbook-companion');
    const launch = appLaunch(folder, { execPath, resourcesPath, appPath, isPackaged: false });
    expect(launch.args[0]).toBe(path.join(appPath, 'dist', 'mcp.js'));
    expect(launch.env).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
  });

  it('is packagedLaunch when packaged', () => {
    const location = { execPath, resourcesPath, appPath: 'ignored', isPackaged: true };
    expect(appLaunch(folder, location)).toEqual(packagedLaunch(folder, location));
  });
});

describe('appExtensionFile', () => {
  it("is the .mcpb beside the packaged resources, or in a checkout's dist/, only when it exists", async () => {
    const base = await makeFolder({}, 'app-extension-');
    const packaged = { execPath, resourcesPath: base, appPath: 'ignored', isPackaged: true };
    const checkout = { execPath, resourcesPath, appPath: base, isPackaged: false };
    expect(appExtensionFile(packaged)).toBeUndefined();
    expect(appExtensionFile(checkout)).toBeUndefined();
    await fs.writeFile(path.join(base, 'runbook-companion.mcpb'), 'packed');
    expect(appExtensionFile(packaged)).toBe(path.join(base, 'runbook-companion.mcpb'));
    await fs.mkdir(path.join(base, 'dist'));
    await fs.writeFile(path.join(base, 'dist', 'runbook-companion.mcpb'), 'packed');
    expect(appExtensionFile(checkout)).toBe(path.join(base, 'dist', 'runbook-companion.mcpb'));
    await fs.rm(base, { recursive: true, force: true });
  });
});
