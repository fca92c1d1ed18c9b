import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { waitFor } from '../test-support/wait-for.js';
import type { AppEvent, CallOutcome } from './contract.js';
import { confSettingsStore } from './conf-settings.js';
import { startWebHost, type WebHost } from './web-host.js';

const TOKEN = 'folder-token';
let host: WebHost;
let first: string;
let second: string;
let events: AppEvent[];
let stream: http.IncomingMessage;

async function call(method: string, args: unknown): Promise<CallOutcome> {
  const res = await fetch(`${host.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(args),
  });
  return (await res.json()) as CallOutcome;
}

async function names(): Promise<string[]> {
  const outcome = await call('list', {});
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.value as { name: string }[]).map((r) => r.name).sort();
}

/** The page's event stream, recorded, so a test sees what a page would be told. */
function listen(): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${TOKEN}` };
    http
      .get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          for (const line of chunk.split('\n')) {
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as AppEvent);
          }
        });
        resolve(res);
      })
      .on('error', reject);
  });
}

beforeEach(async () => {
  first = await makeFolder({ 'ops/restart.md': '# Restart\n' });
  second = await makeFolder({ 'db/backup.md': '# Backup\n', 'db/restore.md': '# Restore\n' });
  const data = await makeFolder({}, 'data-');
  const site = await makeFolder({ 'index.html': '<!doctype html><title>UI</title>' }, 'site-');
  const engine = Engine.open({ dir: first, logsDir: path.join(data, 'logs') });
  host = await startWebHost({
    engine,
    rendererDir: site,
    token: TOKEN,
    watch: false,
    settings: confSettingsStore(data),
  });
  events = [];
  stream = await listen();
});

afterEach(async () => {
  stream.destroy();
  await host.close();
});

describe('changing the runbook folder through the API', () => {
  it('saves the folder, serves its runbooks and tells the pages to reload', async () => {
    expect(await names()).toEqual(['ops/restart']);
    const saved = await call('settingsSave', { runbookDir: second });
    expect(saved).toMatchObject({ ok: true, value: { runbookDir: second } });
    expect(await names()).toEqual(['db/backup', 'db/restore']);
    expect(await call('info', {})).toMatchObject({ ok: true, value: { root: second } });
    expect(await call('settingsRead', {})).toMatchObject({ value: { runbookDir: second } });
    // The reopen pushes a full change; the stream may deliver it just after the call returns.
    await waitFor(() => events.some(isFullChange), { what: 'the full change event' });
  });

  it.each([
    { why: 'a folder that is not there', dir: () => path.join(second, 'nope'), code: 'not-found' },
    {
      why: 'a file is not a folder',
      dir: () => path.join(second, 'db', 'backup.md'),
      code: 'not-found',
    },
    {
      why: 'a relative path depends on where the server started',
      dir: () => 'runbooks',
      code: 'invalid-argument',
    },
  ])('refuses $why, names it and keeps the open folder', async ({ dir, code }) => {
    const outcome = await call('settingsSave', { runbookDir: dir() });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code, key: 'runbookDir' });
    expect(outcome.error.message).toContain(dir());
    expect(outcome.error.fix).toBeTruthy();
    expect(await names()).toEqual(['ops/restart']);
    expect(await call('settingsRead', {})).toMatchObject({ ok: true });
    expect(((await call('settingsRead', {})) as { value: object }).value).not.toHaveProperty(
      'runbookDir',
    );
  });
});

function isFullChange(event: AppEvent): boolean {
  return event.type === 'change' && event.change.listChanged && event.change.envChanged;
}
