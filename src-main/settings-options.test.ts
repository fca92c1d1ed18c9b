import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings, type AppSettings } from '../src-mcp/engine/settings.js';
import {
  checkSettingsPatch,
  setAsideBrokenSettings,
  settingsFilePath,
  settingsStoreOptions,
} from './settings-options.js';
import { thrownRunbookError } from '../src-mcp/test-support/thrown.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-settings-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** electron-store is Conf with `name` as `configName`: build the same store without Electron. */
function openStore(): Conf<AppSettings> {
  const { name, watch: _watch, ...options } = settingsStoreOptions(dataDir);
  return new Conf<AppSettings>({ ...options, configName: name, projectName: 'runbook-companion' });
}

describe('the tray app’s settings store', () => {
  it('writes the file the CLI and MCP server read', () => {
    const store = openStore();
    store.set('runbookDir', '/home/me/runbooks');
    store.set('profile', 'staging');
    expect(settingsFilePath(dataDir)).toBe(store.path);
    expect(readSettings(dataDir)).toMatchObject({
      runbookDir: '/home/me/runbooks',
      profile: 'staging',
      shortcut: 'CommandOrControl+Shift+R',
      launchAtLogin: false,
    });
  });

  it.each([
    ['profile', 'has space', 'profiles name env.<profile>.yaml files'],
    ['launchAtLogin', 'yes', 'a flag is a boolean'],
    ['runbookDir', '', 'an empty folder is no folder'],
  ] as const)('the schema refuses %s=%j (%s)', (key, value, _why) => {
    const store = openStore();
    expect(() => store.set(key, value as never)).toThrow();
    expect(readSettings(dataDir)[key]).not.toBe(value);
  });

  it('moves a broken file aside so the app can start from defaults', async () => {
    await fs.writeFile(settingsFilePath(dataDir), JSON.stringify({ launchAtLogin: 'often' }));
    expect(() => openStore()).toThrow();
    const aside = await setAsideBrokenSettings(dataDir, new Date('2026-11-25T11:05:33.000Z'));
    expect(path.basename(aside)).toBe('config.json.broken-2026-11-25T11-05-33-000Z');
    expect(openStore().get('launchAtLogin')).toBe(false);
    expect(await fs.readFile(aside, 'utf8')).toContain('often');
  });
});

describe('checkSettingsPatch', () => {
  it('trims a valid shortcut and passes other keys through', () => {
    expect(checkSettingsPatch({ shortcut: ' Alt+Space ', launchAtLogin: true })).toEqual({
      shortcut: 'Alt+Space',
      launchAtLogin: true,
    });
  });

  it.each([
    [{ shortcut: 'R' }, 'shortcut', 'a global shortcut needs a modifier'],
    [{ runbookDir: 'runbooks' }, 'runbookDir', 'the CLI runs from another cwd'],
    [{ logsDir: './logs' }, 'logsDir', 'same for logs'],
  ])('refuses %j at %s (%s)', (patch, key, _why) => {
    expect(thrownRunbookError(() => checkSettingsPatch(patch)).key).toBe(key);
  });
});
