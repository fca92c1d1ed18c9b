import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestApproval } from './client.js';
import { approvalSocketPath, approvalTokenPath } from './protocol.js';
import { startApprovalServer, type ApprovalHandler, type ApprovalServer } from './server.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

let dir: string;
let servers: ApprovalServer[];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-approval-'));
  servers = [];
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

async function serve(onRequest: ApprovalHandler): Promise<ApprovalServer> {
  const server = await startApprovalServer({ dir, onRequest });
  servers.push(server);
  return server;
}

/** Sends one raw line as a client would, returns the server's raw answer. */
function rawExchange(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(approvalSocketPath(dir));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(line));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('approval over a real socket', () => {
  it.each([
    { answer: true, why: 'the user clicked Approve' },
    { answer: false, why: 'the user clicked Deny' },
  ])('returns approved=$answer when $why', async ({ answer }) => {
    const seen: string[] = [];
    await serve(async ({ message }) => {
      seen.push(message);
      return answer;
    });
    await expect(requestApproval('  Restart the payments pods?  ', { dir })).resolves.toEqual({
      approved: answer,
    });
    expect(seen).toEqual(['Restart the payments pods?']);
  });

  it('throws timeout when nobody answers, and the dialog is told to close', async () => {
    let aborted: Promise<void> | undefined;
    await serve(
      ({ signal }) =>
        new Promise<boolean>(() => {
          aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
        }),
    );
    const error = await rejectedRunbookError(
      requestApproval('Drop the cache?', { dir, timeoutMs: 200 }),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('0.2 s');
    expect(error.fix).toBeTruthy();
    await aborted;
  });

  it('throws unavailable when the token does not match', async () => {
    const server = await serve(async () => true);
    await fs.writeFile(server.tokenPath, 'not-the-token');
    const error = await rejectedRunbookError(requestApproval('Scale down?', { dir }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/token/);
  });

  it('throws unavailable, naming the app, when no app ever ran', async () => {
    const error = await rejectedRunbookError(requestApproval('Scale down?', { dir }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('The Runbook Companion tray app is not running.');
    expect(error.fix).toMatch(/Start the Runbook Companion tray app/);
  });

  it('throws unavailable when a token is left but the socket is gone (app crashed)', async () => {
    await fs.writeFile(approvalTokenPath(dir), 'stale');
    const error = await rejectedRunbookError(requestApproval('Scale down?', { dir }));
    expect(error.code).toBe('unavailable');
  });

  it('throws unavailable when the app quits while the dialog is open', async () => {
    let shown: () => void = () => undefined;
    const dialogShown = new Promise<void>((resolve) => (shown = resolve));
    const server = await serve(() => {
      shown();
      return new Promise<boolean>(() => undefined);
    });
    const pending = rejectedRunbookError(requestApproval('Failover?', { dir, timeoutMs: 5000 }));
    // Quit only once the request has reached the app and its dialog is up.
    await dialogShown;
    await server.close();
    expect((await pending).code).toBe('unavailable');
  });

  it('refuses an empty message before touching the socket', async () => {
    const error = await rejectedRunbookError(requestApproval('   ', { dir }));
    expect(error.code).toBe('invalid-argument');
    expect(error.key).toBe('message');
  });

  it('shows one dialog at a time', async () => {
    let open = 0;
    let most = 0;
    await serve(async () => {
      open += 1;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 30));
      open -= 1;
      return true;
    });
    const answers = await Promise.all(['a', 'b', 'c'].map((m) => requestApproval(m, { dir })));
    expect(answers).toEqual([{ approved: true }, { approved: true }, { approved: true }]);
    expect(most).toBe(1);
  });
});

describe('approval server files and framing', () => {
  it('keeps the socket and the token file private to the user (0600)', async () => {
    if (process.platform === 'win32') return;
    const server = await serve(async () => true);
    expect((await fs.stat(server.socketPath)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(server.tokenPath)).mode & 0o777).toBe(0o600);
    expect((await fs.readFile(server.tokenPath, 'utf8')).length).toBe(64);
  });

  it('removes its token on close but leaves a newer instance’s token alone', async () => {
    const first = await startApprovalServer({ dir, onRequest: async () => true });
    await first.close();
    await expect(fs.access(first.tokenPath)).rejects.toThrow();
    const second = await serve(async () => true);
    const token = await fs.readFile(second.tokenPath, 'utf8');
    await first.close().catch(() => undefined);
    expect(await fs.readFile(second.tokenPath, 'utf8')).toBe(token);
  });

  it('replaces a stale socket file left by a crash', async () => {
    await fs.writeFile(approvalSocketPath(dir), '');
    await serve(async () => true);
    await expect(requestApproval('ok?', { dir })).resolves.toEqual({ approved: true });
  });

  it('refuses to start while another instance answers on the same socket', async () => {
    await serve(async () => true);
    const error = await rejectedRunbookError(
      startApprovalServer({ dir, onRequest: async () => true }),
    );
    expect(error.code).toBe('conflict');
  });

  it.each([
    { line: 'not json\n', code: 'invalid-request', why: 'garbage is refused, not crashed on' },
    {
      line: '{"type":"other"}\n',
      code: 'invalid-request',
      why: 'unknown request types are refused',
    },
    {
      line: '{"type":"approval-request","id":"1","token":"x","message":"hi"}\n',
      code: 'unauthorized',
      why: 'a wrong token never reaches the dialog',
    },
    { line: `${'x'.repeat(70_000)}`, code: 'invalid-request', why: 'an endless line is cut off' },
  ])('answers $code: $why', async ({ line, code }) => {
    let asked = false;
    await serve(async () => (asked = true));
    const answer = JSON.parse(await rawExchange(line)) as { error: { code: string } };
    expect(answer.error.code).toBe(code);
    expect(asked).toBe(false);
  });

  it('computes a per-folder named pipe on Windows', () => {
    const a = approvalSocketPath('C:\\Users\\a\\AppData\\Roaming\\Runbook Companion', 'win32');
    const b = approvalSocketPath('C:\\Users\\b\\AppData\\Roaming\\Runbook Companion', 'win32');
    expect(a).toMatch(/^\\\\\.\\pipe\\runbook-companion-approval-[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
  });
});
