import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../test-support/temp-folder.js';
import { findInstalledApp } from './installed-app.js';

const MAC_APP = 'Applications/Runbook Companion.app/Contents';
const WIN_APP = 'AppData/Local/Programs/Runbook Companion';

describe('findInstalledApp', () => {
  const rows: {
    why: string;
    platform: NodeJS.Platform;
    files: string[];
    found?: { executable: string; entry: string };
  }[] = [
    {
      why: 'macOS, installed in ~/Applications',
      platform: 'darwin',
      files: [
        `${MAC_APP}/MacOS/Runbook Companion`,
        `${MAC_APP}/Resources/app.asar.unpacked/dist/mcp.js`,
      ],
      found: {
        executable: `${MAC_APP}/MacOS/Runbook Companion`,
        entry: `${MAC_APP}/Resources/app.asar.unpacked/dist/mcp.js`,
      },
    },
    {
      why: 'Windows, the per-user NSIS install',
      platform: 'win32',
      files: [
        `${WIN_APP}/Runbook Companion.exe`,
        `${WIN_APP}/resources/app.asar.unpacked/dist/mcp.js`,
      ],
      found: {
        executable: `${WIN_APP}/Runbook Companion.exe`,
        entry: `${WIN_APP}/resources/app.asar.unpacked/dist/mcp.js`,
      },
    },
    {
      why: 'an app without its unpacked entry cannot serve',
      platform: 'darwin',
      files: [`${MAC_APP}/MacOS/Runbook Companion`],
    },
    { why: 'no app at all', platform: 'darwin', files: [] },
  ];
  it.each(rows)('$why', async ({ platform, files, found }) => {
    const home = await makeFolder(Object.fromEntries(files.map((file) => [file, ''])), 'home-');
    const app = findInstalledApp({ platform, homedir: home, env: {} });
    expect(app).toEqual(
      found && {
        executable: path.join(home, found.executable),
        entry: path.join(home, found.entry),
      },
    );
    await fs.rm(home, { recursive: true, force: true });
  });
});
