/**
 * The opt-in to follow links to outside the runbook folder, end to end on the web API side: the
 * setting is saved, the session reopens with it, and the outside link appears or goes.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsHandlers, type FolderChange } from './service-settings.js';
import { RunbookSession } from './session.js';
import { confSettingsStore } from './conf-settings.js';

let base: string;
let root: string;
let session: RunbookSession;

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-links-'));
  root = path.join(base, 'runbooks');
  await fs.mkdir(root);
  await fs.mkdir(path.join(base, 'team'));
  await fs.writeFile(path.join(root, 'local.md'), '# Local\n');
  await fs.writeFile(path.join(base, 'team', 'deploy.md'), '# Team deploy\n');
  await fs.symlink('../team', path.join(root, 'team'));
  session = new RunbookSession({ dir: root, logsDir: path.join(base, 'logs'), watch: false });
});

afterEach(async () => {
  await session.close();
  await fs.rm(base, { recursive: true, force: true });
});

const names = async () => (await session.engine.list()).map((s) => s.name);

describe('followOutsideLinks through the settings API', () => {
  it('is off by default, and turning it on or off reopens the folder with it', async () => {
    const changes: FolderChange[] = [];
    const handlers = settingsHandlers(confSettingsStore(path.join(base, 'data')), (change) => {
      changes.push(change);
      return session.reopen(change);
    });
    expect(await names()).toEqual(['local']);
    expect((await handlers.settingsRead({})).followOutsideLinks).toBe(false);

    const saved = await handlers.settingsSave({ followOutsideLinks: true });
    expect(saved.followOutsideLinks).toBe(true);
    expect(await names()).toEqual(['local', 'team/deploy']);

    await handlers.settingsSave({ profile: 'x' });
    expect(changes).toEqual([{ followOutsideLinks: true }]);
    expect(session.engine.root).toBe(root);

    await handlers.settingsSave({ followOutsideLinks: false });
    expect(await names()).toEqual(['local']);
    expect(session.engine.skipped()).toContainEqual(
      expect.objectContaining({ path: 'team', reason: 'outside-folder' }),
    );
  });
});
