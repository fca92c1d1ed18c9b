/**
 * The renderer's whole view of the back end: a typed proxy over one generic transport, the
 * Electron preload's bridge when present, else HTTP to the web host. No call is listed here.
 */
import {
  BRIDGE_GLOBAL,
  HTTP_BOOT_PATH,
  HTTP_CALL_PREFIX,
  HTTP_EVENTS_PATH,
} from '../../src-mcp/api/channels.js';
import type { AppApi, AppBridge, AppEvent, CallOutcome } from '../../src-mcp/api/contract.js';
import { ApiError } from './api-error.js';
import { BootAnswers } from './boot-answers.js';

export { ApiError };

let bootAnswers: Promise<BootAnswers> | undefined;
const pageAnswers = (): Promise<BootAnswers> => (bootAnswers ??= fetchBootAnswers());

/** Called once the first render has made its calls: from then on every call asks the host. */
export function forgetBootAnswers(): void {
  void bootAnswers?.then((answers) => answers.forget());
}

async function fetchBootAnswers(): Promise<BootAnswers> {
  // index.html preloads this request: the answer is usually here before the script runs.
  const response = await fetch(HTTP_BOOT_PATH).catch(() => undefined);
  const answers = new BootAnswers(response?.ok ? await response.text().catch(() => '') : '');
  // The library is built from the list in the next task: at 10k runbooks the parse and the build
  // take ~50 ms each, and together (with their garbage collection) passed 150 ms.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return answers;
}

const httpBridge: AppBridge = {
  async call(method, args) {
    const answered = (await pageAnswers()).take(method, args);
    if (answered) return answered;
    const response = await fetch(`${HTTP_CALL_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
      credentials: 'same-origin',
    }).catch(() => undefined);
    if (!response)
      return offline('The app server does not answer.', 'Start `runbook serve` again.');
    if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
      return offline(await response.text(), 'Open the link that `runbook serve` printed.');
    }
    return (await response.json()) as CallOutcome;
  },
  onEvent(listener) {
    const source = new EventSource(HTTP_EVENTS_PATH);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as AppEvent;
      if (event.type === 'change') forgetBootAnswers();
      listener(event);
    };
    return () => source.close();
  },
};

function offline(message: string, fix: string): CallOutcome {
  return { ok: false, error: { code: 'unavailable', message, fix, details: [] } };
}

function pickBridge(): AppBridge {
  // globalThis is the window in the app; under Vitest (no window) nothing is called through it.
  const fromPreload = (globalThis as unknown as Record<string, AppBridge | undefined>)[
    BRIDGE_GLOBAL
  ];
  return fromPreload ?? httpBridge;
}

const bridge: AppBridge = pickBridge();
/** In a browser tab (`runbook serve`), not the tray app's windows. */
export const inBrowser = bridge === httpBridge;

/** The typed API over a transport: the app's bridge, or a fake one in tests. */
export function apiOver(transport: AppBridge): AppApi {
  return new Proxy({} as AppApi, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined;
      return async (args?: unknown) => {
        const outcome = await transport.call(method, args ?? {});
        if (outcome.ok) return outcome.value;
        throw new ApiError(outcome.error);
      };
    },
  });
}

/** `api.read({ name })` resolves with the result or rejects with an ApiError. */
export const api = apiOver(bridge);

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return bridge.onEvent(listener);
}
