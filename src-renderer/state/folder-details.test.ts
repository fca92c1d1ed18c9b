import { describe, expect, it } from 'vitest';
import type { FolderInfo } from '../../src-mcp/api/contract.js';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { FolderDetails } from './folder-details.svelte.js';

const info: FolderInfo = {
  root: '/runbooks',
  logsDir: '/logs',
  profile: undefined,
  profiles: [],
  skipped: [],
  watch: { state: 'watching' },
};

describe('FolderDetails against a fake back end', () => {
  it('shows where the runbooks are', async () => {
    const details = new FolderDetails(new FakeBridge({ info: () => info }).api);
    await details.load();
    expect(details.info?.root).toBe('/runbooks');
  });

  it('keeps what it showed when the host does not answer', async () => {
    const fake = new FakeBridge({ info: () => info });
    const details = new FolderDetails(fake.api);
    await details.load();
    fake.handle('info', () => {
      throw new FakeRefusal({ code: 'unavailable', message: 'The app server does not answer.' });
    });
    await details.load();
    expect(details.info?.root).toBe('/runbooks');
  });
});
