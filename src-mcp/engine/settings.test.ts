import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../test-support/temp-folder.js';
import { readSettings, settingsDefaults } from './settings.js';
import { thrownRunbookError } from '../test-support/thrown.js';

describe('readSettings (the CLI and MCP server read the tray app’s settings)', () => {
  it('gives the defaults for a missing file and writes nothing', async () => {
    const dir = path.join(await makeFolder({}), 'not-created');
    expect(readSettings(dir)).toEqual(settingsDefaults);
    await expect(fs.stat(dir)).rejects.toThrow();
  });

  it('reads what electron-store wrote', async () => {
    const dir = await makeFolder({
      'config.json': JSON.stringify({ runbookDir: '/rb', profile: 'prod', pinned: ['a'] }),
    });
    expect(readSettings(dir)).toMatchObject({ runbookDir: '/rb', profile: 'prod', pinned: ['a'] });
  });

  it('leaves links to outside the folder unfollowed unless opted in', async () => {
    expect(settingsDefaults.followOutsideLinks).toBe(false);
    const dir = await makeFolder({ 'config.json': '{"followOutsideLinks": true}' });
    expect(readSettings(dir).followOutsideLinks).toBe(true);
  });

  it.each([
    ['broken JSON', '{"runbookDir": ', /not valid JSON/, undefined],
    ['not an object', '[1]', /JSON object/, undefined],
    ['a profile that could leave the folder', '{"profile": "../x"}', /profile/, 'profile'],
    ['a wrong type', '{"launchAtLogin": "yes"}', /launchAtLogin/, 'launchAtLogin'],
    ['an empty folder path', '{"runbookDir": ""}', /runbookDir/, 'runbookDir'],
    [
      'a link opt-in that is not a flag',
      '{"followOutsideLinks": "yes"}',
      /followOutsideLinks/,
      'followOutsideLinks',
    ],
  ])('refuses %s, naming the file', async (_why, text, message, key) => {
    const dir = await makeFolder({ 'config.json': text });
    const error = thrownRunbookError(() => readSettings(dir));
    expect(error.message).toMatch(message);
    expect(error).toMatchObject({ file: path.join(dir, 'config.json'), key });
  });
});
