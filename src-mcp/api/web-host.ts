/**
 * The browser face: the built renderer and the app API on 127.0.0.1, plain node:http.
 * One route carries every call (`POST /api/call/<method>`), one stream carries every change.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { checkoutExtensionFile } from '../clients/extension-file.js';
import { sourceCheckoutLaunch } from '../clients/launch.js';
import type { Engine } from '../engine/engine.js';
import { RunbookError } from '../engine/errors.js';
import { sameSecret } from '../engine/lazy-crypto.js';
import { HTTP_BOOT_CALLS, HTTP_BOOT_PATH, HTTP_CALL_PREFIX, HTTP_EVENTS_PATH } from './channels.js';
import type { AppApi, CallOutcome } from './contract.js';
import { dispatchCall, httpStatusFor } from './dispatch.js';
import { createService } from './service.js';
import type { ClientDeps } from './service-clients.js';
import { RunbookSession } from './session.js';
import type { SettingsStore } from './conf-settings.js';
import type { RecentStore } from './recent-store.js';
import { EventHub } from './web-events.js';
import {
  SECURITY_HEADERS,
  TOKEN_PARAM,
  foreignRequestReason,
  newToken,
  presentedToken,
  tokenCookie,
} from './web-security.js';
import { serveStatic } from './web-static.js';

/** The folder to serve: a session the caller owns, or one engine the host wraps in its own. */
type WebHostFolder =
  { session: RunbookSession; engine?: undefined } | { engine: Engine; session?: undefined };

export type WebHostOptions = WebHostFolder & WebHostSettings;

interface WebHostSettings {
  /** 0 or undefined: any free port. */
  port?: number;
  /** Default: a fresh random token. */
  token?: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Client config overrides (a temp Claude config in tests); `launch` defaults to this checkout. */
  claude?: Partial<ClientDeps>;
  settings?: SettingsStore;
  /** Recent runbooks; default: the tray's state file in the app's data folder. */
  recent?: RecentStore;
  /** With `engine`: watch the folder and push changes (default true). */
  watch?: boolean;
}

export interface WebHost {
  /** Open this: it carries the token once; the page then lives on a cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const session = options.session ?? wrapEngine(options.engine, options.watch);
  const token = options.token ?? newToken();
  const hub = new EventHub();
  const watchStatus = () => session.watchStatus();
  const handlers = createService(session, {
    clients: {
      launch: () => sourceCheckoutLaunch(session.engine.root),
      extensionFile: checkoutExtensionFile,
      ...options.claude,
    },
    settings: options.settings,
    recent: options.recent,
    watchStatus,
    // The session tells every page (a watch and a full change event), so lists reload.
    openFolder: (change) => session.reopen(change),
  });
  const rendererDir = path.resolve(options.rendererDir);
  // The page's first calls in one request its HTML preloads: the list travels while the page's
  // script loads. A change after these answers still reaches the page: its list carries the
  // revision that the stream's `sync` is checked against.
  const bootAnswers = async () => {
    const calls: readonly (keyof AppApi)[] = HTTP_BOOT_CALLS;
    const outcomes = calls.map(async (method) => [
      method,
      await dispatchCall(handlers, method, {}),
    ]);
    return Object.fromEntries(await Promise.all(outcomes)) as Record<string, CallOutcome>;
  };
  const preloadBoot = `<link rel="preload" href="${HTTP_BOOT_PATH}" as="fetch" crossorigin>`;
  let port = 0;
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, failure(new RunbookError('io', String(error))));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = foreignRequestReason(req, port);
    if (refused) return sendText(res, 403, refused);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const offered = url.searchParams.get(TOKEN_PARAM);
    if (offered !== null) return acceptToken(url, offered, res);
    if (!sameSecret(presentedToken(req, port), token)) return sendUnauthorized(res);
    if (url.pathname.startsWith(HTTP_CALL_PREFIX)) return handleCall(req, res, url.pathname);
    if (url.pathname === HTTP_BOOT_PATH && req.method === 'GET') {
      return sendJson(res, 200, await bootAnswers());
    }
    if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') {
      // Sent on each (re)connect: a page that lost its stream for a moment may have missed changes.
      const sync = { type: 'sync', revision: session.revision } as const;
      return hub.attach(res, [sync, { type: 'watch', status: watchStatus() }]);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed.');
    return serveStatic(rendererDir, url.pathname, res, preloadBoot);
  }

  function acceptToken(url: URL, offered: string, res: ServerResponse): void {
    if (!sameSecret(offered, token)) return sendUnauthorized(res);
    // Drop the token from the address bar (and history) as soon as the cookie holds it.
    url.searchParams.delete(TOKEN_PARAM);
    res.writeHead(303, {
      'Set-Cookie': tokenCookie(port, token),
      Location: `${url.pathname}${url.search}${url.hash}`,
      'Cache-Control': 'no-store',
    });
    res.end();
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST for API calls.');
    // A JSON content type cannot be sent cross-site without a preflight, which gets no CORS answer.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendText(res, 415, 'API calls take application/json.');
    }
    // Call names are plain words: anything percent-encoded is no call of ours (and may not decode).
    const method = pathname.slice(HTTP_CALL_PREFIX.length);
    const args = await readJsonBody(req);
    const outcome = args.ok ? await dispatchCall(handlers, method, args.value) : args;
    sendJson(res, httpStatusFor(outcome), outcome);
  }

  await listen(server, options.port ?? 0).catch(async (error: unknown) => {
    if (!options.session) await session.close();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  const unsubscribe = session.subscribe((event) => hub.broadcast(event));
  await session.ready();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      hub.close();
      if (!options.session) await session.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A caller's engine in a session of the host's own, so the folder can still be changed. */
function wrapEngine(engine: Engine, watch: boolean | undefined): RunbookSession {
  // The engine's own options (its skip reporter too) carry over when the session reopens elsewhere.
  const { root: dir, logsDir, profile } = engine;
  return new RunbookSession({ ...engine.options, dir, logsDir, profile, engine, watch });
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing on the network can reach it.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function readJsonBody(req: IncomingMessage): Promise<CallOutcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return failure(
        new RunbookError('too-large', 'The request body is larger than 16 MiB.', {
          fix: 'Send less at once.',
        }),
      );
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return failure(
      new RunbookError('invalid-json', `The request body is not JSON: ${String(error)}`, {
        fix: 'Send the arguments as a JSON object.',
      }),
    );
  }
}

function failure(error: RunbookError): CallOutcome {
  return { ok: false, error: error.toJSON() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendUnauthorized(res: ServerResponse): void {
  sendText(
    res,
    401,
    "This page needs the link that `runbook serve` printed: it carries this session's access token, which works until `runbook serve` stops. Open that link again.",
  );
}
