/**
 * The tray app's side of the approval channel. Plain Node: the app passes `onRequest`, which shows
 * the dialog; tests pass a function that answers directly.
 */
import { nodeCrypto, sameSecret } from '../engine/lazy-crypto.js';
import fs from 'node:fs/promises';
import net from 'node:net';
import { RunbookError } from '../engine/errors.js';
import { writeFileAtomic } from '../engine/file-ops.js';
import {
  MAX_MESSAGE_CHARS,
  approvalSocketPath,
  approvalTokenPath,
  parseRequestLine,
  readLines,
  encodeLine,
  type ApprovalErrorCode,
} from './protocol.js';

interface ApprovalPrompt {
  message: string;
  /** Aborted when the asking side gave up (timeout, closed): close the dialog. */
  signal: AbortSignal;
}

/** Resolves true to approve, false to deny. */
export type ApprovalHandler = (prompt: ApprovalPrompt) => Promise<boolean>;

export interface ApprovalServerOptions {
  /** The user-data folder: the socket and the token file go here. */
  dir: string;
  onRequest: ApprovalHandler;
  platform?: NodeJS.Platform;
  /** A connection that sends no complete request line within this time is dropped. */
  requestLineTimeoutMs?: number;
}

export interface ApprovalServer {
  socketPath: string;
  tokenPath: string;
  close(): Promise<void>;
}

export async function startApprovalServer(options: ApprovalServerOptions): Promise<ApprovalServer> {
  const platform = options.platform ?? process.platform;
  const socketPath = approvalSocketPath(options.dir, platform);
  const tokenPath = approvalTokenPath(options.dir);
  await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
  const token = nodeCrypto().randomBytes(32).toString('hex');
  if (platform !== 'win32') await removeStaleSocket(socketPath);
  const ask = serializeDialogs(options.onRequest);
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    handleConnection(socket, token, ask, options.requestLineTimeoutMs ?? 5000);
  });
  await listen(server, socketPath);
  if (platform !== 'win32') await fs.chmod(socketPath, 0o600);
  await writeTokenFile(tokenPath, token);
  const close = async () => {
    // Pending askers are cut off (they report 'unavailable') so quitting never waits on a dialog.
    for (const socket of open) socket.destroy();
    await closeServer(server, tokenPath, token);
  };
  return { socketPath, tokenPath, close };
}

function handleConnection(
  socket: net.Socket,
  token: string,
  ask: ApprovalHandler,
  requestLineTimeoutMs: number,
): void {
  const aborter = new AbortController();
  let answered = false;
  const idle = setTimeout(() => socket.destroy(), requestLineTimeoutMs);
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    clearTimeout(idle);
    if (!answered) aborter.abort();
  });
  const fail = (code: ApprovalErrorCode, message: string, id?: string) => {
    answered = true;
    socket.end(encodeLine({ id, error: { code, message } }));
  };
  let seen = false;
  readLines(
    socket,
    (line) => {
      if (seen) return;
      seen = true;
      clearTimeout(idle);
      const request = parseRequestLine(line);
      if (!request) return fail('invalid-request', 'Expected one approval-request JSON line.');
      if (!sameSecret(request.token, token)) {
        return fail('unauthorized', 'The approval token does not match.', request.id);
      }
      const message = request.message.trim().slice(0, MAX_MESSAGE_CHARS);
      if (!message) return fail('invalid-request', 'The approval message is empty.', request.id);
      ask({ message, signal: aborter.signal }).then(
        (approved) => {
          answered = true;
          if (!socket.destroyed) socket.end(encodeLine({ id: request.id, approved }));
        },
        (error: unknown) => fail('failed', `The dialog failed: ${String(error)}`, request.id),
      );
    },
    () => fail('invalid-request', 'The request line is too long.'),
  );
}

/** One dialog at a time: a second request waits its turn (and is dropped if its asker gives up). */
function serializeDialogs(onRequest: ApprovalHandler): ApprovalHandler {
  let queue: Promise<unknown> = Promise.resolve();
  return (prompt) => {
    const turn = queue.then(() => {
      if (prompt.signal.aborted) return false;
      return onRequest(prompt);
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
}

/** A socket file left by a crashed app blocks listen(); one that still answers means another app. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const alive = await new Promise<boolean>((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (alive) {
    throw new RunbookError(
      'conflict',
      'Another Runbook Companion is already answering approvals.',
      {
        file: socketPath,
        fix: 'Quit the other Runbook Companion instance, then start this one again.',
      },
    );
  }
  await fs.rm(socketPath, { force: true });
}

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new RunbookError('io', `Cannot open the approval socket: ${error.message}`, {
          file: socketPath,
          fix: 'Check that the user-data folder is writable, then restart the app.',
          cause: error,
        }),
      ),
    );
    server.listen(socketPath, () => resolve());
  });
}

/** Written after listen(), so a client that finds a token also finds a socket. */
async function writeTokenFile(tokenPath: string, token: string): Promise<void> {
  await writeFileAtomic(tokenPath, token, { mode: 0o600 });
}

/** Node removes the Unix socket file itself on close. */
async function closeServer(server: net.Server, tokenPath: string, token: string): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const current = await fs.readFile(tokenPath, 'utf8').catch(() => '');
  // Another instance may have taken over the folder since; leave its token alone.
  if (current === token) await fs.rm(tokenPath, { force: true });
}
