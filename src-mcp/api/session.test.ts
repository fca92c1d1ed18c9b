import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from './contract.js';
import { RunbookSession } from './session.js';
import { waitFor } from '../test-support/wait-for.js';

let base: string;
let sessions: RunbookSession[];

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-session-'));
  sessions = [];
});
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await fs.rm(base, { recursive: true, force: true });
});

function open(dir: string) {
  const events: AppEvent[] = [];
  const errors: unknown[] = [];
  const session = new RunbookSession(
    { dir, logsDir: path.join(base, 'logs'), debounceMs: 20, pollMs: 50 },
    (event) => events.push(event),
    (error) => errors.push(error),
  );
  sessions.push(session);
  return { session, events, errors };
}

/** Waits for a condition the watcher makes true; bounded so a broken watcher fails the test. */
const until = (check: () => boolean | Promise<boolean>, what: string) => waitFor(check, { what });

async function names(session: RunbookSession): Promise<string[]> {
  return (await session.engine.list()).map((r) => r.name).sort();
}

describe('RunbookSession', () => {
  it('follows files added to the folder and tells the faces', async () => {
    const dir = path.join(base, 'runbooks');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'a.md'), '# A\n');
    const { session, events } = open(dir);
    await session.ready();
    expect(session.folderState()).toEqual({ kind: 'ready' });
    await fs.writeFile(path.join(dir, 'b.md'), '# B\n');
    await until(
      () => events.some((e) => e.type === 'change' && e.change.added.includes('b')),
      'b added',
    );
    expect(await names(session)).toEqual(['a', 'b']);
  });

  it('counts the changes told in its revision, and another session counts apart', async () => {
    const dir = path.join(base, 'runbooks');
    await fs.mkdir(dir);
    const { session, events } = open(dir);
    await session.ready();
    const before = session.revision;
    await fs.writeFile(path.join(dir, 'c.md'), '# C\n');
    await until(() => events.some((e) => e.type === 'change'), 'c added');
    const told = events.filter((e) => e.type === 'change').length;
    const [instance, count] = session.revision.split('.');
    expect([before, count]).toEqual([`${instance}.0`, String(told)]);
    expect(open(dir).session.revision).not.toBe(before);
  });

  it('shows a folder that is missing at start, and recovers when it appears', async () => {
    const dir = path.join(base, 'later');
    const { session, events, errors } = open(dir);
    await session.ready();
    expect(session.folderState().kind).toBe('missing');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'found.md'), '# Found\n');
    await until(() => session.folderState().kind === 'ready', 'the folder to come back');
    await until(
      async () => (await names(session).catch((): string[] => [])).includes('found'),
      'found listed',
    );
    expect(events.some((e) => e.type === 'watch' && e.status.state === 'watching')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows a folder deleted while open, without throwing', async () => {
    const dir = path.join(base, 'gone');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'a.md'), '# A\n');
    const { session, events } = open(dir);
    await session.ready();
    await fs.rm(dir, { recursive: true });
    await until(() => session.folderState().kind === 'missing', 'missing state');
    expect(events.some((e) => e.type === 'watch' && e.status.state === 'missing')).toBe(true);
  });

  it('reopens on another folder and asks every face to reload', async () => {
    const first = path.join(base, 'one');
    const second = path.join(base, 'two');
    await fs.mkdir(first);
    await fs.mkdir(second);
    await fs.writeFile(path.join(first, 'a.md'), '# A\n');
    await fs.writeFile(path.join(second, 'z.md'), '# Z\n');
    const { session, events } = open(first);
    await session.ready();
    await session.reopen({ dir: second });
    expect(session.engine.root).toBe(second);
    expect(await names(session)).toEqual(['z']);
    expect(events.at(-1)).toMatchObject({ type: 'change', change: { listChanged: true } });
  });
});
