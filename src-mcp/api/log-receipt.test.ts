/**
 * "Run again with these values" over the real web host: `logReceipt` returns a log's receipt and
 * the values the run form may fill in (never a secret); logs without a receipt still answer.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeFolder } from '../test-support/temp-folder.js';
import type { CallOutcome } from './contract.js';
import { startWebHost, type WebHost } from './web-host.js';

const SECRET = 'api-Receipt-pw-5521';
const RUNBOOK = [
  '---',
  'variables:',
  '  token: { secret: true }',
  '  region: { default: eu-west-1 }',
  '---',
  'curl -H "X-Token: {var.token}" https://{var.region}.{var.service}.internal/health',
  '',
].join('\n');
const LEGACY_ID = 'check_2025-03-01_10:00:00.log';

let host: WebHost;
let server: Engine;
let logsDir: string;
let dir: string;

/** The web host checks Host and refuses foreign Origins: a raw request sends exactly ours. */
function call(method: string, args: unknown): Promise<CallOutcome> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/call/${method}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${host.port}`,
          authorization: `Bearer ${host.token}`,
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body) as CallOutcome));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

beforeAll(async () => {
  dir = await makeFolder({ 'ops/check.md': RUNBOOK });
  logsDir = path.join(await makeFolder({}, 'receipt-logs-'), 'logs');
  await fs.mkdir(logsDir, { recursive: true });
  await fs.writeFile(path.join(logsDir, LEGACY_ID), 'Ran the check by hand.\n');
  // Another process (the MCP server) renders and logs; the app only reads.
  server = Engine.open({ dir, logsDir });
  const app = Engine.open({ dir, logsDir });
  host = await startWebHost({
    engine: app,
    rendererDir: dir,
    token: 'receipt-token',
    watch: false,
  });
});

afterAll(() => host?.close());

describe('logReceipt', () => {
  it('gives the values to fill in again, without the secret, and the profile', async () => {
    const vars = { token: SECRET, service: 'billing' };
    const { runId } = await server.renderRun('ops/check', { vars, profile: 'staging' });
    const entry = await server.appendLog(
      'ops/check',
      'all green',
      {},
      { runId, outcome: 'success' },
    );
    const outcome = await call('logReceipt', { name: 'ops/check', id: entry.id });
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        values: { service: 'billing', region: 'eu-west-1' },
        profile: 'staging',
        receipt: { runId, outcome: 'success', secrets: ['token'], hashedAt: 'render' },
      },
    });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('the app’s own prompt carries a run id too', async () => {
    const outcome = await call('promptText', {
      name: 'ops/check',
      vars: { token: 'x-token-1', service: 'api' },
    });
    expect(JSON.stringify(outcome)).toMatch(/run_id \\"[A-Za-z0-9_-]{10}\\"/);
  });

  it.each([
    { why: 'a log written before receipts', write: () => server.appendLog('ops/check', 'old') },
    {
      why: 'the earlier tool’s log',
      write: async () => ({ id: LEGACY_ID }),
    },
  ])('answers for $why: no receipt, nothing to fill', async ({ write }) => {
    const { id } = await write();
    expect(await call('logReceipt', { name: 'ops/check', id })).toEqual({
      ok: true,
      value: { values: {} },
    });
  });

  it.each([
    { why: 'a path for an id', id: '../../../etc/passwd' },
    { why: 'an unknown id', id: '2020-01-01T00-00-00.000Z.md' },
    { why: 'an id too long', id: 'x'.repeat(5000) },
  ])('refuses $why and stays up', async ({ id }) => {
    const outcome = await call('logReceipt', { name: 'ops/check', id });
    expect(outcome.ok).toBe(false);
    expect((await call('logsList', { name: 'ops/check' })).ok).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['ops']);
  });
});
