import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartPath,
  autostartTarget,
  isLinuxAutostartEnabled,
  setLinuxAutostart,
} from './linux-autostart.js';

let home: string;
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-autostart-'));
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

describe('Linux launch at login', () => {
  it('writes and removes the XDG autostart entry', async () => {
    const target = autostartTarget({}, '/opt/Runbook Companion/runbook-companion', home);
    expect(autostartPath(target)).toBe(
      path.join(home, '.config/autostart/runbook-companion.desktop'),
    );
    await setLinuxAutostart(target, true);
    expect(await isLinuxAutostartEnabled(target)).toBe(true);
    const text = await fs.readFile(autostartPath(target), 'utf8');
    expect(text).toContain('Exec="/opt/Runbook Companion/runbook-companion" --hidden\n');
    await setLinuxAutostart(target, false);
    expect(await isLinuxAutostartEnabled(target)).toBe(false);
    await setLinuxAutostart(target, false);
  });

  it.each([
    [
      { APPIMAGE: '/home/me/Apps/Runbook.AppImage' },
      '/home/me/Apps/Runbook.AppImage',
      'an AppImage starts from its file, not its mount',
    ],
    [{}, '/usr/bin/runbook-companion', 'a deb install starts from its binary'],
  ])('%j runs %s (%s)', (env, executable, _why) => {
    expect(autostartTarget(env, '/usr/bin/runbook-companion', home).executable).toBe(executable);
  });

  it('honours XDG_CONFIG_HOME and escapes shell-special characters in Exec', () => {
    const target = autostartTarget({ XDG_CONFIG_HOME: '/cfg' }, '/a "b"/$c', home);
    expect(autostartPath(target)).toBe('/cfg/autostart/runbook-companion.desktop');
    expect(autostartEntry(target)).toContain('Exec="/a \\"b\\"/\\$c" --hidden');
  });
});
