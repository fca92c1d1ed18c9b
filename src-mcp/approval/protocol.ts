/**
 * The approval channel between the MCP server (client) and the tray app (server): one request per
 * connection, newline-delimited JSON, authenticated by a token file only the user can read.
 */
import { sha256Hex } from '../engine/lazy-crypto.js';
import path from 'node:path';
import type { Socket } from 'node:net';

const APPROVAL_SOCKET_FILE = 'approval.sock';
const APPROVAL_TOKEN_FILE = 'approval.token';
/** A request line larger than this is refused: a message is a sentence or two, not a file. */
const MAX_LINE_BYTES = 64 * 1024;
export const MAX_MESSAGE_CHARS = 4000;

export interface ApprovalRequestLine {
  type: 'approval-request';
  id: string;
  token: string;
  message: string;
}

export type ApprovalErrorCode = 'unauthorized' | 'invalid-request' | 'failed';

export type ApprovalResponseLine =
  | { id: string; approved: boolean }
  | { id?: string; error: { code: ApprovalErrorCode; message: string } };

/**
 * Unix socket inside the user-data folder (its mode guards it), or a named pipe on Windows
 * (pipes live in their own namespace, so the name is derived from the folder to stay per-user).
 */
export function approvalSocketPath(dir: string, platform: NodeJS.Platform = process.platform) {
  if (platform !== 'win32') return path.join(dir, APPROVAL_SOCKET_FILE);
  const digest = sha256Hex(path.resolve(dir).toLowerCase());
  return `\\\\.\\pipe\\runbook-companion-approval-${digest.slice(0, 16)}`;
}

export function approvalTokenPath(dir: string): string {
  return path.join(dir, APPROVAL_TOKEN_FILE);
}

/** Calls `onLine` for each complete line; calls `onOverflow` once if a line grows past the limit. */
export function readLines(
  socket: Socket,
  onLine: (line: string) => void,
  onOverflow: () => void,
): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
    if (Buffer.byteLength(buffered) > MAX_LINE_BYTES) {
      buffered = '';
      onOverflow();
    }
  });
}

export function encodeLine(value: ApprovalRequestLine | ApprovalResponseLine): string {
  return `${JSON.stringify(value)}\n`;
}

export function parseRequestLine(line: string): ApprovalRequestLine | undefined {
  const value = parseJsonObject(line);
  if (!value) return undefined;
  const { type, id, token, message } = value;
  if (type !== 'approval-request') return undefined;
  if (typeof id !== 'string' || typeof token !== 'string' || typeof message !== 'string') {
    return undefined;
  }
  return { type, id, token, message };
}

export function parseResponseLine(line: string): ApprovalResponseLine | undefined {
  const value = parseJsonObject(line);
  if (!value) return undefined;
  if (typeof value.id === 'string' && typeof value.approved === 'boolean') {
    return { id: value.id, approved: value.approved };
  }
  const error = value.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Record<string, unknown>;
    if (isErrorCode(code) && typeof message === 'string') {
      return { id: typeof value.id === 'string' ? value.id : undefined, error: { code, message } };
    }
  }
  return undefined;
}

function isErrorCode(value: unknown): value is ApprovalErrorCode {
  return value === 'unauthorized' || value === 'invalid-request' || value === 'failed';
}

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
