/**
 * Front matter `schedule:` — `daily`, `weekly`, `monthly` or a cron expression (croner's syntax:
 * five fields, or six with seconds first, or `@daily`-style nicknames) — and when a runbook that
 * last ran at a given time falls due again.
 */
import type { Cron } from 'croner';
import { cronerPackage } from './lazy-packages.js';

export type Schedule = { kind: Named; text: string } | { kind: 'cron'; text: string; cron: Cron };

export type ScheduleParse = { ok: true; schedule: Schedule } | { ok: false; reason: string };

/** Longer than any sensible cron expression; keeps a hostile value out of every listing. */
const MAX_SCHEDULE_LENGTH = 200;

type Named = 'daily' | 'weekly' | 'monthly';
const NAMED: readonly string[] = ['daily', 'weekly', 'monthly'] satisfies Named[];
const DAY_MS = 24 * 60 * 60 * 1000;

/** `timezone`: the zone cron fields are read in (default: this machine's local time). */
export function parseSchedule(value: string, timezone?: string): ScheduleParse {
  const text = value.trim();
  if (text === '') return { ok: false, reason: 'it is empty' };
  if (text.length > MAX_SCHEDULE_LENGTH)
    return { ok: false, reason: `it is over ${MAX_SCHEDULE_LENGTH} characters` };
  const named = text.toLowerCase();
  if (isNamed(named)) return { ok: true, schedule: { kind: named, text: named } };
  let cron: Cron;
  try {
    // Without a function to call, croner only evaluates the pattern: no timer is started.
    cron = new (cronerPackage().Cron)(text, { timezone });
  } catch (error) {
    return { ok: false, reason: (error as Error).message.replace(/^CronPattern: /, '') };
  }
  if (cron.nextRun(new Date()) === null)
    return { ok: false, reason: 'it never fires (no such date comes again)' };
  return { ok: true, schedule: { kind: 'cron', text, cron } };
}

function isNamed(text: string): text is Named {
  return NAMED.includes(text);
}

/**
 * When a runbook last run at `lastRun` falls due: a day, a week or a calendar month later, or
 * the cron's next time after it. Undefined: a cron that never fires again.
 */
export function nextDueAfter(schedule: Schedule, lastRun: Date): Date | undefined {
  switch (schedule.kind) {
    case 'daily':
      return new Date(lastRun.getTime() + DAY_MS);
    case 'weekly':
      return new Date(lastRun.getTime() + 7 * DAY_MS);
    case 'monthly':
      return addOneMonth(lastRun);
    case 'cron':
      return schedule.cron.nextRun(lastRun) ?? undefined;
  }
}

/** Jan 31 → Feb 28 (or 29): the last day of a shorter month, never the 2nd or 3rd of the next. */
function addOneMonth(date: Date): Date {
  const next = new Date(date.getTime());
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}
