/**
 * The app's API (the web host and the tray app's IPC both dispatch here) never serves a secret out of
 * a log: the app does not write logs, but the MCP server, an older version or a careless paste does.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { logFolderName } from '../engine/logs.js';
import { apiCaller } from '../test-support/api-calls.js';
import { makeFolder } from '../test-support/temp-folder.js';
import type { ApiHandlers } from './contract.js';
import { createService } from './service.js';
import { confSettingsStore } from './conf-settings.js';

const SECRET = 'Tq7-app-Secret-3390';
const RUNBOOK = `---
variables:
  token: { secret: true }
---
curl -H "X-Token: {var.token}" https://api.internal/health
`;
const LOG_ID = '2020-01-01T00-00-00.000Z.md';
const LOG = `# a past run\nran with ${SECRET}\nmysql -u root -pOldPw!x\nSet-Cookie: sid=c00kie-9; Path=/\n`;

let handlers: ApiHandlers;
const { call } = apiCaller(() => handlers);
let logFile: string;

beforeEach(async () => {
  const dir = await makeFolder({ 'ops/check.md': RUNBOOK });
  const home = await makeFolder({}, 'home-');
  const logsDir = path.join(home, 'logs');
  logFile = path.join(logsDir, logFolderName('ops/check'), LOG_ID);
  await fs.mkdir(path.dirname(logFile), { recursive: true });
  await fs.writeFile(logFile, LOG);
  const engine = Engine.open({ dir, logsDir });
  handlers = createService(
    { engine },
    {
      clients: {
        launch: () => ({ command: process.execPath, args: [path.join(home, 'mcp.js')] }),
        platform: { platform: 'linux', homedir: home, env: {} },
        detectRunning: async () => false,
      },
      settings: confSettingsStore(path.join(home, 'data')),
      watchStatus: () => ({ state: 'watching' }),
    },
  );
});

describe('web API: logs never serve a secret the app rendered', () => {
  // Each way the app shows a secret to its user is a way the service learns it.
  const renders: { why: string; show: () => Promise<unknown> }[] = [
    {
      why: 'Run pane live preview',
      show: () => call('preview', { name: 'ops/check', vars: { token: SECRET } }),
    },
    {
      why: 'Copy (render)',
      show: () => call('render', { name: 'ops/check', vars: { token: SECRET } }),
    },
    {
      why: 'Copy as Claude prompt',
      show: () => call('promptText', { name: 'ops/check', vars: { token: SECRET } }),
    },
  ];
  it.each(renders)('after $why: logsRead and promptText(includeLastLog)', async ({ show }) => {
    await show();
    const read = await call('logsRead', { name: 'ops/check', id: LOG_ID });
    const prompt = await call('promptText', {
      name: 'ops/check',
      vars: { token: 'other-value-1' },
      includeLastLog: true,
    });
    for (const served of [read.text, prompt.text]) {
      expect(served).toContain('# a past run');
      for (const leak of [SECRET, 'OldPw!x', 'c00kie-9']) expect(served).not.toContain(leak);
    }
    // Redacted on the way out only: the file on disk is the user's and stays byte for byte.
    expect(await fs.readFile(logFile, 'utf8')).toBe(LOG);
  });

  it('credential shapes are redacted on read even before anything was rendered', async () => {
    const { text } = await call('logsRead', { name: 'ops/check', id: LOG_ID });
    expect(text).not.toContain('OldPw!x');
    expect(text).not.toContain('c00kie-9');
  });
});
