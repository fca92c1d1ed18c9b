/** The History and schedule calls of the app API, through the real web host. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeGitRunbookRepo, type GitRunbookRepo } from '../test-support/git-runbook-repo.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { cookieName } from './web-security.js';
import { startWebHost, type WebHost } from './web-host.js';

let fx: GitRunbookRepo;
let host: WebHost;

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; key?: string; fix?: string };
}

async function call(target: WebHost, method: string, args: unknown): Promise<Outcome> {
  const res = await fetch(`http://127.0.0.1:${target.port}/api/call/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `${cookieName(target.port)}=${target.token}`,
    },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Outcome;
}

async function hostOn(dir: string): Promise<WebHost> {
  const engine = Engine.open({ dir, logsDir: await makeFolder({}, 'runbook-logs-') });
  const rendererDir = await makeFolder({ 'index.html': '<!doctype html>' }, 'web-ui-');
  return startWebHost({ engine, rendererDir, token: 'history-token', watch: false });
}

beforeAll(async () => {
  fx = await makeGitRunbookRepo();
  host = await hostOn(fx.dir);
});
afterAll(() => host?.close());

describe('history through the web host', () => {
  it('history lists the versions, newest first, with the path of each', async () => {
    const outcome = await call(host, 'history', { name: 'ops/b' });
    expect(outcome.ok).toBe(true);
    const value = outcome.value as { name: string; entries: { subject: string; path: string }[] };
    expect(value.name).toBe('ops/b');
    expect(value.entries.map((e) => [e.subject, e.path])).toEqual([
      ['Run it daily', 'rb/ops/b.md'],
      ['Rename a to b', 'rb/ops/b.md'],
      ['Copy the dump off the host', 'rb/ops/a.md'],
      ['Add the backup runbook', 'rb/ops/a.md'],
    ]);
  });

  it('historyShow returns the old text', async () => {
    const revision = fx.hashes['Add the backup runbook'];
    const outcome = await call(host, 'historyShow', { name: 'ops/b', revision });
    expect(outcome).toMatchObject({ ok: true, value: { text: fx.versions[0], hash: revision } });
  });

  it('a hostile revision is refused with its key and the fix', async () => {
    const outcome = await call(host, 'historyShow', { name: 'ops/b', revision: '--output=/tmp/x' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', key: 'revision' },
    });
  });

  it('a folder outside git: unavailable, with why and the fix', async () => {
    const plain = await hostOn(await makeFolder({ 'plain.md': '# Plain\n' }));
    try {
      const outcome = await call(plain, 'history', { name: 'plain' });
      expect(outcome.ok).toBe(false);
      expect(outcome.error?.code).toBe('unavailable');
      expect(outcome.error?.message).toMatch(/not in a git repository/);
      expect(outcome.error?.fix).toMatch(/git init/);
    } finally {
      await plain.close();
    }
  });

  it('due lists the scheduled runbook that never ran', async () => {
    const outcome = await call(host, 'due', {});
    expect(outcome).toEqual({
      ok: true,
      value: [{ name: 'ops/b', title: 'Backup', schedule: 'daily' }],
    });
  });
});
