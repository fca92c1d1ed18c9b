/**
 * The MCP server's side of the approval channel: asks the running tray app to show a message with
 * Approve / Deny and waits for the answer. Throws RunbookError 'unavailable' or 'timeout'.
 */
import { nodeCrypto } from '../engine/lazy-crypto.js';
import fs from 'node:fs/promises';
import net from 'node:net';
import { RunbookError } from '../engine/errors.js';
import { appDataDir } from '../engine/paths.js';
import {
  MAX_MESSAGE_CHARS,
  approvalSocketPath,
  approvalTokenPath,
  parseResponseLine,
  readLines,
  encodeLine,
  type ApprovalResponseLine,
} from './protocol.js';

/** Below the 60 s request timeout common MCP clients use, so the tool answers before they give up. */
const DEFAULT_APPROVAL_TIMEOUT_MS = 55_000;

export interface ApprovalOptions {
  timeoutMs?: number;
  /** The tray app's user-data folder; default: `appDataDir()`. */
  dir?: string;
  platform?: NodeJS.Platform;
}

export interface ApprovalResult {
  approved: boolean;
}

const START_APP_FIX =
  'Start the Runbook Companion tray app (it answers approvals while it runs), then ask again.';

export async function requestApproval(
  message: string,
  options: ApprovalOptions = {},
): Promise<ApprovalResult> {
  const text = checkMessage(message);
  const dir = options.dir ?? appDataDir();
  const timeoutMs = options.timeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS;
  const token = await readToken(approvalTokenPath(dir));
  const socketPath = approvalSocketPath(dir, options.platform);
  const response = await exchange(socketPath, token, text, timeoutMs);
  if ('approved' in response) return { approved: response.approved };
  if (response.error.code === 'unauthorized') {
    throw new RunbookError('unavailable', 'The tray app refused this approval request’s token.', {
      file: approvalTokenPath(dir),
      fix: 'Restart the Runbook Companion tray app so it writes a fresh token, then ask again.',
    });
  }
  throw new RunbookError('unavailable', `The tray app could not ask: ${response.error.message}`, {
    fix: 'Check the Runbook Companion tray app, then ask again.',
  });
}

function checkMessage(message: string): string {
  const text = typeof message === 'string' ? message.trim() : '';
  if (!text) {
    throw new RunbookError('invalid-argument', 'The approval message is empty.', {
      key: 'message',
      fix: 'Say what you are asking the user to approve, in a sentence or two.',
    });
  }
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new RunbookError(
      'invalid-argument',
      `The approval message is over ${MAX_MESSAGE_CHARS} characters.`,
      {
        key: 'message',
        fix: 'Shorten the message to the action and its effect; put details in the chat.',
      },
    );
  }
  return text;
}

async function readToken(tokenPath: string): Promise<string> {
  try {
    return (await fs.readFile(tokenPath, 'utf8')).trim();
  } catch (error) {
    throw notRunning(tokenPath, error);
  }
}

function notRunning(file: string, cause: unknown): RunbookError {
  return new RunbookError('unavailable', 'The Runbook Companion tray app is not running.', {
    file,
    fix: START_APP_FIX,
    cause,
  });
}

function exchange(
  socketPath: string,
  token: string,
  message: string,
  timeoutMs: number,
): Promise<ApprovalResponseLine> {
  return new Promise((resolve, reject) => {
    const id = nodeCrypto().randomUUID();
    const socket = net.connect(socketPath);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(timedOut(timeoutMs))), timeoutMs);
    // write, not end: a half-closed socket would make the server close before it answers.
    socket.once('connect', () =>
      socket.write(encodeLine({ type: 'approval-request', id, token, message })),
    );
    socket.once('error', (error) => settle(() => reject(notRunning(socketPath, error))));
    socket.once('close', () => settle(() => reject(closedEarly(socketPath))));
    readLines(
      socket,
      (line) => {
        const response = parseResponseLine(line);
        if (response) settle(() => resolve(response));
        else settle(() => reject(closedEarly(socketPath)));
      },
      () => settle(() => reject(closedEarly(socketPath))),
    );
  });
}

function timedOut(timeoutMs: number): RunbookError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new RunbookError(
    'timeout',
    `No answer from the user within ${seconds} s; nothing was approved.`,
    {
      key: 'timeout_seconds',
      fix: 'Ask again when the user is at the computer, or with a longer timeout.',
    },
  );
}

function closedEarly(socketPath: string): RunbookError {
  return new RunbookError(
    'unavailable',
    'The tray app closed the approval request without an answer.',
    {
      file: socketPath,
      fix: 'The app may have quit; start it again, then ask again.',
    },
  );
}
