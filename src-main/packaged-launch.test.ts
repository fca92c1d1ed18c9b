import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLaunch, packagedLaunch } from './packaged-launch.js';

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
