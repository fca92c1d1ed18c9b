/**
 * What keeps the local web host private: it binds to 127.0.0.1, requires a random token (first in
 * the URL, then an HttpOnly SameSite=Strict cookie), and refuses requests whose Host or Origin is
 * not its own — a page on another site that rebinds a DNS name to 127.0.0.1 gets 403.
 */
import { nodeCrypto } from '../engine/lazy-crypto.js';
import type { IncomingMessage } from 'node:http';

export const TOKEN_PARAM = 'token';

export function newToken(): string {
  return nodeCrypto().randomBytes(24).toString('base64url');
}

/** Cookies are per host, not per port: two hosts on different ports must not share one. */
export function cookieName(port: number): string {
  return `runbook_token_${port}`;
}

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Why a request is refused before anything else is looked at, or undefined when it may proceed. */
export function foreignRequestReason(req: IncomingMessage, port: number): string | undefined {
  const host = req.headers.host;
  if (!host || !allowedHosts(port).has(host.toLowerCase())) {
    return `Host "${host ?? ''}" is not this server.`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return `Origin "${origin}" is not this server.`;
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'Cross-site requests are refused.';
  return undefined;
}

/** The token from the cookie, or from `Authorization: Bearer` (scripts and tests). */
export function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return readCookie(req.headers.cookie, cookieName(port));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Headers on every response: no framing, no sniffing, nothing loaded from elsewhere. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
