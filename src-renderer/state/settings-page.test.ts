import { describe, expect, it } from 'vitest';
import type { FolderInfo } from '../../src-mcp/api/contract.js';
import type { AppSettings } from '../../src-mcp/engine/settings.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { notices } from './notices.svelte.js';
import { SettingsPage } from './settings-page.svelte.js';

/** A fake settings file and the folder it points at; a folder that is not there is refused. */
function host(saved: Partial<AppSettings> = {}) {
  const file: AppSettings = {
    runbookDir: '/runbooks',
    shortcut: 'Alt+R',
    launchAtLogin: false,
    pinned: [],
    followOutsideLinks: false,
    ...saved,
  };
  const info = (): FolderInfo => ({
    root: file.runbookDir ?? '',
    logsDir: '/logs',
    profile: file.profile,
    profiles: ['prod'],
    skipped: [],
    watch: { state: 'watching' },
  });
  const fake = new FakeBridge({
    info,
    settingsRead: () => file,
    settingsSave: (changes) => {
      if (changes.runbookDir === '/nowhere') {
        throw new FakeRefusal({ code: 'not-found', message: 'No folder /nowhere.' });
      }
      return Object.assign(file, changes);
    },
  });
  let reopened = 0;
  const page = new SettingsPage(fake.api, async () => void reopened++);
  return { file, fake, page, reopened: () => reopened };
}

describe('SettingsPage against a fake back end', () => {
  it('loads the folder and the saved fields for the form', async () => {
    const { page, fake } = host({ profile: 'prod', launchAtLogin: true });
    expect(await page.load()).toEqual({
      profile: 'prod',
      shortcut: 'Alt+R',
      launchAtLogin: true,
      followOutsideLinks: false,
    });
    expect([page.info?.root, fake.misuses]).toEqual(['/runbooks', []]);
  });

  it('switches to another folder and lists it anew', async () => {
    const { page, file, reopened } = host();
    await page.load();
    expect(await page.changeFolder('  /team/runbooks ')).toBe(true);
    expect([file.runbookDir, page.info?.root, reopened(), page.folderBusy]).toEqual([
      '/team/runbooks',
      '/team/runbooks',
      1,
      false,
    ]);
  });

  it('keeps a refused folder beside the field, and the folder shown as it was', async () => {
    const { page, file, reopened } = host();
    await page.load();
    expect(await page.changeFolder('/nowhere')).toBe(false);
    expect([page.folderError?.code, file.runbookDir, page.info?.root, reopened()]).toEqual([
      'not-found',
      '/runbooks',
      '/runbooks',
      0,
    ]);
  });

  it.each([
    { why: 'links unchanged: the folder stays as listed', follow: false, reopens: 0 },
    { why: 'links now followed: the folder lists anew', follow: true, reopens: 1 },
  ])('saves the fields ($why)', async ({ follow, reopens }) => {
    const { page, file, fake, reopened } = host();
    await page.load();
    const fields = {
      profile: '',
      shortcut: 'Ctrl+K',
      launchAtLogin: true,
      followOutsideLinks: follow,
    };
    await page.save(fields);
    expect(fake.argsOf('settingsSave')).toEqual([fields]);
    expect([file.shortcut, file.followOutsideLinks, reopened()]).toEqual([
      'Ctrl+K',
      follow,
      reopens,
    ]);
    expect(page.settings?.shortcut).toBe('Ctrl+K');
  });

  it('says so when the settings cannot be read, and gives the form nothing', async () => {
    const { page, fake } = host();
    fake.handle('settingsRead', () => {
      throw new FakeRefusal({ code: 'invalid-yaml', message: 'The settings file is broken.' });
    });
    expect(await page.load()).toBeUndefined();
    expect([page.settings, notices.items.at(-1)?.text]).toEqual([
      undefined,
      'Could not read the settings.',
    ]);
  });
});
