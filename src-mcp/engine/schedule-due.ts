/**
 * Which scheduled runbooks are due: their newest execution log is older than their schedule
 * allows, or they never ran. A run is known only by its log, so a run nobody logged keeps the
 * runbook due; that is the point of the reminder.
 */
import type { Engine } from './engine.js';
import { nextDueAfter, parseSchedule } from './schedule.js';
import type { RunbookSummary } from './types.js';

export interface DueRunbook {
  name: string;
  title: string;
  /** As written in the front matter: `daily`, `weekly`, `monthly` or a cron expression. */
  schedule: string;
  /** ISO time of the newest log; absent: it never ran. */
  lastRun?: string;
  /** ISO time it fell due (the period after its last run); absent when it never ran. */
  dueSince?: string;
}

export interface DueOptions {
  now?: Date;
  /** The zone cron fields are read in (default: this machine's local time). */
  timezone?: string;
}

/** Never-run runbooks first, then those overdue longest, then by name. */
export async function listDueRunbooks(
  engine: Engine,
  options: DueOptions = {},
): Promise<DueRunbook[]> {
  const now = options.now ?? new Date();
  const scheduled = (await engine.list()).filter((r) => r.schedule !== undefined);
  const checked = await Promise.all(scheduled.map((r) => dueState(engine, r, now, options)));
  return checked.filter((d): d is DueRunbook => d !== undefined).sort(compareDue);
}

async function dueState(
  engine: Engine,
  runbook: RunbookSummary,
  now: Date,
  options: DueOptions,
): Promise<DueRunbook | undefined> {
  const parsed = parseSchedule(runbook.schedule ?? '', options.timezone);
  if (!parsed.ok) return undefined;
  const base = { name: runbook.name, title: runbook.title, schedule: parsed.schedule.text };
  const [latest] = await engine.listLogs(runbook.name);
  if (!latest) return base;
  const dueAt = nextDueAfter(parsed.schedule, new Date(latest.createdAt));
  if (!dueAt || dueAt.getTime() > now.getTime()) return undefined;
  return { ...base, lastRun: latest.createdAt, dueSince: dueAt.toISOString() };
}

function compareDue(a: DueRunbook, b: DueRunbook): number {
  const since = (d: DueRunbook) => d.dueSince ?? '';
  if (since(a) !== since(b)) return since(a) < since(b) ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** One line for people: `ops/backup (daily) — last run 2026-11-28T09:00:00.000Z, due since …`. */
export function describeDue(due: DueRunbook): string {
  const when = due.lastRun
    ? `last run ${due.lastRun}, due since ${due.dueSince ?? '?'}`
    : 'never run';
  return `${due.name} (${due.schedule}) — ${when}`;
}
