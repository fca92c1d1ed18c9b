/**
 * Reminders for scheduled runbooks that fall due: checked at start and every few minutes, each
 * told once per due period (a runbook that is run and falls due again is told again). Plain
 * Node, so it is tested on real folders; due-notifications.ts is the Electron glue.
 */
import type { DueRunbook } from '../src-mcp/engine/schedule-due.js';

const CHECK_EVERY_MS = 5 * 60 * 1000;
/** More newly due runbooks than this are told in one notification, not one each. */
const MAX_SINGLE_NOTICES = 3;

export interface Notice {
  title: string;
  body: string;
  /** The runbook whose fill window a click opens; absent: the app's main window. */
  runbook?: string;
}

export interface DueReminderDeps {
  listDue(): Promise<DueRunbook[]>;
  notify(notice: Notice): void;
  onError?(error: unknown): void;
}

export class DueReminders {
  /** `name + due period` of what was told; only the currently due are kept. */
  private told = new Set<string>();
  private checking: Promise<Notice[]> | undefined;

  constructor(private readonly deps: DueReminderDeps) {}

  /** One check at a time; returns what it told. */
  check(): Promise<Notice[]> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Checks now and every `everyMs`; returns the stop function. */
  start(everyMs = CHECK_EVERY_MS): () => void {
    const run = () => void this.check();
    run();
    const timer = setInterval(run, everyMs);
    // A reminder never keeps the process alive on its own.
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private async checkOnce(): Promise<Notice[]> {
    let due: DueRunbook[];
    try {
      due = await this.deps.listDue();
    } catch (error) {
      this.deps.onError?.(error);
      return [];
    }
    const keys = new Map(due.map((d) => [periodKey(d), d]));
    const fresh = [...keys].filter(([key]) => !this.told.has(key)).map(([, d]) => d);
    this.told = new Set(keys.keys());
    const notices = noticesFor(fresh);
    for (const notice of notices) this.deps.notify(notice);
    return notices;
  }
}

function periodKey(due: DueRunbook): string {
  return `${due.name}\0${due.dueSince ?? 'never run'}`;
}

function noticesFor(due: DueRunbook[]): Notice[] {
  if (due.length === 0) return [];
  if (due.length > MAX_SINGLE_NOTICES) {
    const names = due.map((d) => d.title || d.name);
    return [
      {
        title: `${due.length} runbooks are due`,
        body: `${names.slice(0, MAX_SINGLE_NOTICES).join(', ')} and ${due.length - MAX_SINGLE_NOTICES} more.`,
      },
    ];
  }
  return due.map((d) => ({
    title: `Runbook due: ${d.title || d.name}`,
    body: d.lastRun
      ? `Scheduled ${d.schedule}; last run ${d.lastRun.slice(0, 16).replace('T', ' ')} UTC. Click to fill it in.`
      : `Scheduled ${d.schedule}; never run yet. Click to fill it in.`,
    runbook: d.name,
  }));
}
