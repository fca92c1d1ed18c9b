/**
 * The web API face under hostile input, over real HTTP against the real host: each row is one
 * request a careless or hostile caller could send. After every row the host still answers, the
 * folder beside the runbook folder is byte-identical, and no runbook lost a byte.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { cookieName } from './web-security.js';
import { startWebHost, type WebHost } from './web-host.js';
import { snapshotFolder } from '../test-support/folder-snapshot.js';

interface Sent {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

interface Answer {
  status: number;
  body: string;
}

/** Raw http.request (status 0: the connection dropped, which no row allows). */
function send(host: WebHost, sent: Sent): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: sent.path ?? '/',
        method: sent.method ?? 'GET',
        // A fresh connection each time: a refused upload may close its own, never the next one's.
        agent: false,
        headers: { host: `127.0.0.1:${host.port}`, ...sent.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(sent.body);
  });
}

const SECRET = 'outside-secret-4711';
const RUNBOOKS = {
  'ops/restart.md': '# Restart {var.service}\n',
  'ops/café-ünïcode.md': '# Café\n\nkubectl get pods — ✓\n',
  'env.yaml': 'cluster:\n  name: prod-eu1\n',
};
// Latin-1 bytes: not UTF-8, so a save must not replace them with U+FFFD.
const LATIN1 = Buffer.from('# Notes\ncaf\xe9\n', 'latin1');

let host: WebHost;
let folder: string;
let outside: string;
let auth: Record<string, string>;
let before: { folder: Record<string, string>; outside: Record<string, string> };

beforeAll(async () => {
  const parent = await makeFolder({}, 'hostile-web-');
  folder = path.join(parent, 'runbooks');
  outside = path.join(parent, 'outside');
  await fs.mkdir(folder);
  for (const [rel, text] of Object.entries(RUNBOOKS)) {
    await fs.mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
    await fs.writeFile(path.join(folder, rel), text);
  }
  await fs.writeFile(path.join(folder, 'latin1.md'), LATIN1);
  await fs.writeFile(
    path.join(folder, 'env.latin1.yaml'),
    Buffer.from('city: Montr\xe9al\n', 'latin1'),
  );
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  await fs.writeFile(path.join(outside, 'victim.md'), `# Victim\n${SECRET}\n`);
  const site = await makeFolder({ 'renderer/index.html': '<!doctype html><title>UI</title>' });
  const engine = Engine.open({ dir: folder, logsDir: path.join(parent, 'logs') });
  host = await startWebHost({
    engine,
    rendererDir: path.join(site, 'renderer'),
    token: 'hostile-token',
    watch: false,
  });
  auth = { cookie: `${cookieName(host.port)}=hostile-token` };
  before = { folder: await snapshotFolder(folder), outside: await snapshotFolder(outside) };
});

afterAll(async () => {
  await host.close();
});

/** A JSON API call with a valid token, unless the row says otherwise. */
function call(method: string, body: string | Buffer, headers?: Record<string, string>): Sent {
  return {
    path: `/api/call/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body,
  };
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const outsidePath = (rel: string) => path.join(outside, rel);

interface Row {
  why: string;
  sent: () => Sent;
  /** The status the host answers with (one of them, where either is right). */
  status: number | number[];
  code?: string;
}

const rows: Row[] = [
  // Who may call at all.
  {
    why: 'no token: refused',
    sent: () => ({
      ...call('delete', '{"name":"ops/restart"}'),
      headers: { 'content-type': 'application/json' },
    }),
    status: 401,
  },
  {
    why: 'a wrong bearer token: refused',
    sent: () => ({
      ...call('delete', '{"name":"ops/restart"}'),
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
    }),
    status: 401,
  },
  {
    why: 'a foreign Origin with the cookie: refused before any delete',
    sent: () => call('delete', '{"name":"ops/restart"}', { origin: 'http://evil.example' }),
    status: 403,
  },
  {
    why: 'a cross-site fetch with the cookie: refused before any delete',
    sent: () => call('delete', '{"name":"ops/restart"}', { 'sec-fetch-site': 'cross-site' }),
    status: 403,
  },
  {
    why: 'a foreign Host (DNS rebinding): refused',
    sent: () => call('delete', '{"name":"ops/restart"}', { host: 'evil.example' }),
    status: 403,
  },
  {
    why: 'a form post (no preflight) cannot delete',
    sent: () => call('delete', '{"name":"ops/restart"}', { 'content-type': 'text/plain' }),
    status: 415,
  },
  // Methods and routes.
  {
    why: 'an unknown API call',
    sent: () => call('dropTables', '{}'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'an inherited property is not an API call',
    sent: () => call('constructor', '{}'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: '__proto__ is not an API call',
    sent: () => call('__proto__', '{}'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'GET on an API call',
    sent: () => ({ ...call('delete', ''), method: 'GET' }),
    status: 405,
  },
  {
    why: 'DELETE on an API call',
    sent: () => ({ ...call('delete', '{"name":"ops/restart"}'), method: 'DELETE' }),
    status: 405,
  },
  {
    why: 'PUT on a page',
    sent: () => ({ path: '/ops/restart.md', method: 'PUT', headers: auth, body: 'x' }),
    status: 405,
  },
  {
    why: 'an unknown HTTP method',
    sent: () => ({ path: '/', method: 'PROPFIND', headers: auth }),
    status: 405,
  },
  {
    why: 'a call name with broken percent-encoding',
    sent: () => call('%E0%A4%A', '{}'),
    status: 400,
  },
  // Bodies.
  {
    why: 'a body that is not JSON',
    sent: () => call('delete', '{"name":'),
    status: 400,
    code: 'invalid-json',
  },
  {
    why: 'JSON that is an array, not arguments',
    sent: () => call('delete', '["ops/restart"]'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'JSON that is a bare string',
    sent: () => call('delete', '"ops/restart"'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a name of the wrong type',
    sent: () => call('delete', '{"name":["ops/restart"]}'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a content of the wrong type',
    sent: () => call('save', '{"name":"ops/restart","content":{"a":1}}'),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a body that is not UTF-8',
    sent: () => call('delete', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    status: 400,
    code: 'invalid-json',
  },
  {
    why: 'a body over 16 MiB is refused, never parsed',
    sent: () => call('search', Buffer.alloc(17 * 1024 * 1024, 0x20)),
    status: 400,
    code: 'too-large',
  },
  {
    why: 'a 100,000-deep array where a name belongs',
    sent: () => call('read', `{"name":${nested(100_000)}}`),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a 100,000-deep array in an ignored key',
    sent: () => call('read', `{"name":"ops/restart","x":${nested(100_000)}}`),
    status: 200,
  },
  {
    why: 'a 100,000-deep array as vars',
    sent: () => call('render', `{"name":"ops/restart","vars":{"service":${nested(100_000)}}}`),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a prototype-polluting key is only data',
    sent: () => call('read', '{"name":"ops/restart","__proto__":{"polluted":true}}'),
    status: 200,
  },
  // Huge strings.
  {
    why: 'a 1 MB name',
    sent: () => call('read', JSON.stringify({ name: 'a'.repeat(1_000_000) })),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a 2 MB search query',
    sent: () => call('search', JSON.stringify({ query: 'q'.repeat(2_000_000) })),
    status: 400,
    code: 'invalid-argument',
  },
  {
    why: 'a 15 MB save over an existing runbook is refused, its bytes kept',
    sent: () =>
      call('save', JSON.stringify({ name: 'ops/restart', content: 'x'.repeat(15_000_000) })),
    status: 400,
    code: 'too-large',
  },
  // Names that point outside the folder.
  {
    why: 'reading ../outside/victim',
    sent: () => call('read', '{"name":"../outside/victim"}'),
    status: [400, 404],
  },
  {
    why: 'reading an absolute path outside',
    sent: () => call('read', JSON.stringify({ name: outsidePath('victim') })),
    status: [400, 404],
  },
  {
    why: 'saving over ../outside/victim',
    sent: () => call('save', '{"name":"../outside/victim","content":"pwned"}'),
    status: [400, 404],
  },
  {
    why: 'creating ../outside/new',
    sent: () => call('create', '{"name":"../outside/new","content":"pwned"}'),
    status: 400,
  },
  {
    why: 'creating at an absolute path outside',
    sent: () => call('create', JSON.stringify({ name: outsidePath('new'), content: 'pwned' })),
    status: 400,
  },
  {
    why: 'creating a name with NUL',
    sent: () => call('create', '{"name":"ops/a\\u0000b","content":"x"}'),
    status: 400,
  },
  {
    why: 'creating with backslash traversal',
    sent: () => call('create', '{"name":"..\\\\outside\\\\new","content":"x"}'),
    status: 400,
  },
  {
    why: 'renaming to ../outside/moved',
    sent: () => call('rename', '{"from":"ops/restart","to":"../outside/moved"}'),
    status: 400,
  },
  {
    why: 'renaming to an absolute path outside',
    sent: () => call('rename', JSON.stringify({ from: 'ops/restart', to: outsidePath('moved') })),
    status: 400,
  },
  {
    why: 'deleting ../outside/victim',
    sent: () => call('delete', '{"name":"../outside/victim"}'),
    status: [400, 404],
  },
  {
    why: 'deleting an absolute path outside',
    sent: () => call('delete', JSON.stringify({ name: outsidePath('victim.md') })),
    status: [400, 404],
  },
  {
    why: 'restoring from a trash path that climbs out',
    sent: () => call('restore', '{"trashPath":".trash/x/../../../outside/victim.md"}'),
    status: 400,
  },
  {
    why: 'restoring from a path outside .trash',
    sent: () => call('restore', '{"trashPath":"../outside/victim.md"}'),
    status: 400,
  },
  {
    why: 'a log id that climbs out',
    sent: () => call('logsRead', '{"name":"ops/restart","id":"../../outside/secret.txt"}'),
    status: [400, 404],
  },
  {
    why: 'an env profile that climbs out (read)',
    sent: () => call('envRead', '{"profile":"../outside/secret"}'),
    status: 400,
  },
  {
    why: 'an env profile that climbs out (save)',
    sent: () => call('envSave', '{"profile":"../../outside/evil","text":"a: 1\\n"}'),
    status: 400,
  },
  {
    why: 'a preview profile that climbs out',
    sent: () => call('preview', '{"name":"ops/restart","profile":"../../outside/secret"}'),
    // The lenient preview renders without that profile rather than fail.
    status: 200,
  },
  {
    why: 'a static path that climbs out',
    sent: () => ({ path: '/..%2f..%2foutside/secret.txt', headers: auth }),
    status: [400, 403, 404],
  },
  // Bytes a save must not lose.
  {
    why: 'saving over a file that is not UTF-8 is refused, its bytes kept',
    sent: () => call('save', '{"name":"latin1","content":"# Notes\\ncaf\\ufffd\\n"}'),
    status: 400,
    code: 'invalid-encoding',
  },
  {
    why: 'saving over an env file that is not UTF-8 is refused, its bytes kept',
    sent: () => call('envSave', '{"profile":"latin1","text":"city: Montr\\ufffdal\\n"}'),
    status: 400,
    code: 'invalid-encoding',
  },
];

describe('web API under hostile input', () => {
  it.each(rows)('$why', async (row) => {
    const answer = await send(host, row.sent());
    expect([row.status].flat()).toContain(answer.status);
    if (row.code)
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: row.code } });
    // Nothing read from outside the folder comes back, whatever the status.
    expect(answer.body).not.toContain(SECRET);

    const alive = await send(host, call('list', '{}'));
    expect(alive.status).toBe(200);
    expect(JSON.parse(alive.body)).toMatchObject({ ok: true });
    expect(await snapshotFolder(outside)).toEqual(before.outside);
    expect(await snapshotFolder(folder)).toEqual(before.folder);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
