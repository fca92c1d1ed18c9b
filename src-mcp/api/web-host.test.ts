import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeFolder, makeTempDir } from '../test-support/temp-folder.js';
import { HTTP_BOOT_CALLS, HTTP_BOOT_PATH } from './channels.js';
import { cookieName } from './web-security.js';
import { startWebHost, type WebHost } from './web-host.js';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw http.request: fetch would not let a test send a foreign Host header. */
function request(
  host: WebHost,
  options: {
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    address?: string;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.address ?? '127.0.0.1',
        port: host.port,
        path: options.path ?? '/',
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let host: WebHost;
let cookie: string;
let rendererDir: string;
let engine: Engine;

beforeAll(async () => {
  const dir = await makeFolder({ 'ops/restart.md': '# Restart {var.service}\n' });
  const site = await makeFolder(
    { 'renderer/index.html': '<!doctype html><title>UI</title>', 'secret.txt': 'top secret' },
    'web-host-',
  );
  rendererDir = path.join(site, 'renderer');
  engine = Engine.open({ dir, logsDir: path.join(dir, '..', `${path.basename(dir)}-logs`) });
  host = await startWebHost({ engine, rendererDir, token: 'test-token-123', watch: false });
  cookie = `${cookieName(host.port)}=${host.token}`;
});

afterAll(async () => {
  await host.close();
});

const json = { 'content-type': 'application/json' };

async function bootAnswers(target: WebHost, headers: Record<string, string>) {
  const res = await request(target, { path: HTTP_BOOT_PATH, headers });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as Record<string, unknown>;
}

describe('web host security', () => {
  const cases: {
    why: string;
    path?: string;
    method?: string;
    headers?: (port: number) => Record<string, string>;
    body?: string;
    status: number;
  }[] = [
    { why: 'no token at all is refused', status: 401 },
    { why: 'a wrong token in the URL is refused', path: '/?token=wrong', status: 401 },
    {
      why: 'a wrong cookie is refused',
      headers: (p) => ({ cookie: `${cookieName(p)}=nope` }),
      status: 401,
    },
    {
      why: "another host's cookie name is not ours",
      headers: (p) => ({ cookie: `${cookieName(p + 1)}=test-token-123` }),
      status: 401,
    },
    {
      why: 'the right cookie opens the page',
      headers: (p) => ({ cookie: `${cookieName(p)}=test-token-123` }),
      status: 200,
    },
    {
      why: 'a bearer token works for scripts',
      headers: () => ({ authorization: 'Bearer test-token-123' }),
      status: 200,
    },
    {
      why: 'a foreign Host (DNS rebinding) is refused even with the cookie',
      headers: (p) => ({ host: `evil.example:${p}`, cookie: `${cookieName(p)}=test-token-123` }),
      status: 403,
    },
    {
      why: 'the right host name on another port is foreign',
      headers: (p) => ({ host: `127.0.0.1:${p + 1}`, cookie: `${cookieName(p)}=test-token-123` }),
      status: 403,
    },
    {
      why: 'localhost on our port is ours',
      headers: (p) => ({ host: `localhost:${p}`, cookie: `${cookieName(p)}=test-token-123` }),
      status: 200,
    },
    {
      why: 'a foreign Origin is refused even with the cookie',
      path: '/api/call/list',
      method: 'POST',
      headers: (p) => ({
        ...json,
        origin: 'http://evil.example',
        cookie: `${cookieName(p)}=test-token-123`,
      }),
      body: '{}',
      status: 403,
    },
    {
      why: 'an opaque (null) Origin is refused',
      path: '/api/call/list',
      method: 'POST',
      headers: (p) => ({ ...json, origin: 'null', cookie: `${cookieName(p)}=test-token-123` }),
      body: '{}',
      status: 403,
    },
    {
      why: 'our own Origin may call the API',
      path: '/api/call/list',
      method: 'POST',
      headers: (p) => ({
        ...json,
        origin: `http://127.0.0.1:${p}`,
        cookie: `${cookieName(p)}=test-token-123`,
      }),
      body: '{}',
      status: 200,
    },
    {
      why: 'a cross-site fetch is refused by its Sec-Fetch-Site',
      headers: (p) => ({
        'sec-fetch-site': 'cross-site',
        cookie: `${cookieName(p)}=test-token-123`,
      }),
      status: 403,
    },
    {
      why: 'a form post (not JSON) cannot reach the API',
      path: '/api/call/list',
      method: 'POST',
      headers: (p) => ({ 'content-type': 'text/plain', cookie: `${cookieName(p)}=test-token-123` }),
      body: '{}',
      status: 415,
    },
    {
      why: 'API calls are POST only',
      path: '/api/call/list',
      headers: (p) => ({ cookie: `${cookieName(p)}=test-token-123` }),
      status: 405,
    },
    {
      why: 'the token is checked before the API, not after',
      path: '/api/call/list',
      method: 'POST',
      headers: () => json,
      body: '{}',
      status: 401,
    },
  ];

  it.each(cases)('$why → $status', async ({ path: p, method, headers, body, status }) => {
    const res = await request(host, { path: p, method, headers: headers?.(host.port), body });
    expect(res.status).toBe(status);
    // No CORS: a page elsewhere can never read an answer.
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=test-token-123`);
    const res = await request(host, { path: '/?token=test-token-123' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const other = await request(host, { path: '/env?token=test-token-123&x=1' });
    expect(other.headers.location).toBe('/env?x=1');
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`${cookieName(host.port)}=test-token-123`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it.each(['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt'])(
    'never serves a file outside the renderer folder: %s',
    async (p) => {
      const res = await request(host, { path: p, headers: { cookie } });
      expect(res.body).not.toContain('top secret');
    },
  );

  it('sends a restrictive Content-Security-Policy and no framing', async () => {
    const res = await request(host, { headers: { cookie } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('makes a fresh random token when none is given', async () => {
    const other = await startWebHost({ engine, rendererDir, watch: false });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.token.length).toBeGreaterThanOrEqual(24);
      expect((await request(other, { headers: { cookie } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) {
      console.info('no non-loopback IPv4 interface here: only the bound address was checked');
      return;
    }
    await expect(
      request(host, { address: external.address, headers: { cookie } }),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('web host API route', () => {
  const call = async (method: string, args: unknown) => {
    const res = await request(host, {
      path: `/api/call/${method}`,
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify(args),
    });
    return {
      status: res.status,
      outcome: JSON.parse(res.body) as {
        ok: boolean;
        value?: unknown;
        error?: { code: string; key?: string; fix?: string };
      },
    };
  };

  it('dispatches by method name and returns the value', async () => {
    const { status, outcome } = await call('read', { name: 'ops/restart' });
    expect(status).toBe(200);
    expect(outcome).toMatchObject({
      ok: true,
      value: { name: 'ops/restart', path: 'ops/restart.md' },
    });
  });

  it('returns engine errors with their code, place and fix', async () => {
    const { status, outcome } = await call('read', { name: 'ops/nope' });
    expect(status).toBe(404);
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('not-found');
    expect(outcome.error?.fix).toBeTruthy();
  });

  it('refuses unknown methods and malformed arguments as invalid-argument', async () => {
    const unknown = await call('dropTables', {});
    expect(unknown.status).toBe(400);
    expect(unknown.outcome.error?.code).toBe('invalid-argument');
    const malformed = await call('read', { name: 42 });
    expect(malformed.outcome.error).toMatchObject({ code: 'invalid-argument', key: 'name' });
  });

  it('answers a body that is not JSON with invalid-json', async () => {
    const res = await request(host, {
      path: '/api/call/list',
      method: 'POST',
      headers: { ...json, cookie },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
  });

  it('pushes change events over server-sent events, each stream opened by a sync', async () => {
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: host.port,
            path: '/api/events',
            headers: { host: `127.0.0.1:${host.port}`, cookie },
          },
          resolve,
        )
        .on('error', reject);
    });
    expect(stream.headers['content-type']).toContain('text/event-stream');
    const gotChange = new Promise<void>((resolve) => {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        events.push(chunk);
        if (chunk.includes('"type":"change"')) resolve();
      });
    });
    await call('create', { name: 'ops/new-one', content: '# New\n' });
    await gotChange;
    stream.destroy();
    const all = events.join('');
    expect(all).toMatch(/^retry: 1000\n\ndata: \{"type":"sync","revision":"\w+\.\d+"\}\n\n/);
    expect(all).toContain('"type":"watch"');
    expect(all).toMatch(/"added":\["ops\/new-one"\]/);
  });

  it('answers the first calls in one request, as the API gives them, and the page preloads it', async () => {
    const page = await request(host, { path: '/runbook/ops%2Frestart', headers: { cookie } });
    expect(page.body).toContain(
      `<link rel="preload" href="${HTTP_BOOT_PATH}" as="fetch" crossorigin>`,
    );
    const answers = await bootAnswers(host, { cookie });
    expect(Object.keys(answers).sort()).toEqual([...HTTP_BOOT_CALLS].sort());
    for (const method of HTTP_BOOT_CALLS) {
      const res = await request(host, {
        path: `/api/call/${method}`,
        method: 'POST',
        headers: { ...json, cookie },
      });
      expect(answers[method], method).toEqual(JSON.parse(res.body));
    }
    expect(answers.listBrief).toMatchObject({
      ok: true,
      value: {
        runbooks: expect.arrayContaining([expect.objectContaining({ name: 'ops/restart' })]),
      },
    });
    expect((await request(host, { path: HTTP_BOOT_PATH })).status).toBe(401);
  });

  it('serves the built renderer, and says how to build it when it is missing', async () => {
    const res = await request(host, { path: '/some/route', headers: { cookie } });
    expect(res.body).toContain('<title>UI</title>');
    const empty = await makeTempDir('renderer-empty-');
    const bare = await startWebHost({ engine, rendererDir: empty, token: 't', watch: false });
    try {
      const missing = await request(bare, { headers: { authorization: 'Bearer t' } });
      expect(missing.status).toBe(503);
      expect(missing.body).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
