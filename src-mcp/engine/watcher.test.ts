import { mkdtemp, mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine } from './engine.js';
import {
  isIgnoredPath,
  watchRunbookFolder,
  type FolderWatcher,
  type WatchStatus,
} from './watcher.js';

let base: string;
let root: string;
let engine: Engine;
let watcher: FolderWatcher | undefined;
let applied: string[][];
let statuses: WatchStatus[];

const doc = (title: string) => `# ${title}\n\nrun {var.x}\n`;
const names = async () => (await engine.list()).map((s) => s.name);
const until = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 8000, interval: 50 });

async function startWatching(
  options: { debounceMs?: number; pollMs?: number } = {},
): Promise<void> {
  const apply = engine.applyChanges.bind(engine);
  // A recording wrapper around the real method: counts calls, changes nothing.
  engine.applyChanges = (paths: string[]) => {
    applied.push(paths);
    return apply(paths);
  };
  watcher = watchRunbookFolder(engine, {
    pollMs: 100,
    ...options,
    onStatus: (s) => statuses.push(s),
  });
  await watcher.ready;
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'rb-watch-'));
  root = path.join(base, 'runbooks');
  await mkdir(path.join(root, 'ops'), { recursive: true });
  await writeFile(path.join(root, 'ops', 'restart.md'), doc('Restart'));
  engine = Engine.open({ dir: root, logsDir: path.join(base, 'logs') });
  await engine.ready();
  applied = [];
  statuses = [];
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(base, { recursive: true, force: true });
});

describe('watchRunbookFolder', () => {
  it('picks up a new file', async () => {
    await startWatching();
    await writeFile(path.join(root, 'ops', 'new.md'), doc('New'));
    await until(async () => expect(await names()).toContain('ops/new'));
    expect(applied.flat()).toContain('ops/new.md');
  });

  it('picks up an edit in place', async () => {
    await startWatching();
    await writeFile(path.join(root, 'ops', 'restart.md'), doc('Restart the API'));
    await until(async () =>
      expect((await engine.resolve('ops/restart')).title).toBe('Restart the API'),
    );
  });

  it('treats a temp file renamed over the runbook as one change of it', async () => {
    await startWatching();
    const temp = path.join(root, 'ops', 'restart.md.tmp-123');
    await writeFile(temp, doc('Saved atomically'));
    await rename(temp, path.join(root, 'ops', 'restart.md'));
    await until(async () =>
      expect((await engine.resolve('ops/restart')).title).toBe('Saved atomically'),
    );
    expect(await names()).toEqual(['ops/restart']);
    expect(applied.length).toBe(1);
  });

  it('treats vim’s delete-then-create as one change, never losing the runbook', async () => {
    await startWatching();
    const events: string[][] = [];
    engine.onChange((e) => events.push(e.removed));
    await unlink(path.join(root, 'ops', 'restart.md'));
    await writeFile(path.join(root, 'ops', 'restart.md'), doc('Saved by vim'));
    await until(async () =>
      expect((await engine.resolve('ops/restart')).title).toBe('Saved by vim'),
    );
    expect(events.flat()).not.toContain('ops/restart');
  });

  it('follows a rename', async () => {
    await startWatching();
    await rename(path.join(root, 'ops', 'restart.md'), path.join(root, 'ops', 'reboot.md'));
    await until(async () => expect(await names()).toEqual(['ops/reboot']));
  });

  it('follows a delete', async () => {
    await startWatching();
    await unlink(path.join(root, 'ops', 'restart.md'));
    await until(async () => expect(await names()).toEqual([]));
  });

  it('ignores .git, .trash, hidden folders and node_modules', async () => {
    await startWatching();
    for (const dir of ['.git', '.trash', '.hidden', 'node_modules']) {
      await mkdir(path.join(root, dir), { recursive: true });
      await writeFile(path.join(root, dir, 'x.md'), doc('Ignored'));
    }
    await writeFile(path.join(root, 'ops', 'seen.md'), doc('Seen'));
    await until(async () => expect(await names()).toContain('ops/seen'));
    expect(applied.flat().filter((p) => p.endsWith('x.md'))).toEqual([]);
  });

  it('coalesces 200 files written at once into a few applyChanges calls', async () => {
    // A wider quiet window than the default: on a loaded CI machine the 200 writes themselves
    // can take longer than 100 ms, and this test is about coalescing, not about the default.
    await startWatching({ debounceMs: 300 });
    await mkdir(path.join(root, 'bulk'));
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writeFile(path.join(root, 'bulk', `r${i}.md`), doc(`R${i}`)),
      ),
    );
    await until(async () => expect((await names()).length).toBe(201));
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(applied.length).toBeLessThanOrEqual(5);
    // Each file, or the new folder as one path (its own watch may start after the writes).
    const bulk = (await names()).filter((name) => name.startsWith('bulk/'));
    expect(new Set(bulk)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `bulk/r${i}`)));
  });

  it('reports the folder missing when removed, and rescans when it returns', async () => {
    await startWatching();
    await rm(root, { recursive: true, force: true });
    await until(() => expect(watcher?.status().state).toBe('missing'));
    await mkdir(path.join(root, 'back'), { recursive: true });
    await writeFile(path.join(root, 'back', 'again.md'), doc('Again'));
    await until(() => expect(watcher?.status()).toEqual({ state: 'watching' }));
    await until(async () => expect(await names()).toEqual(['back/again']));
    // Watching resumed: a later file arrives through the watcher again.
    await writeFile(path.join(root, 'back', 'later.md'), doc('Later'));
    await until(async () => expect(await names()).toContain('back/later'));
    expect(statuses.map((s) => s.state)).toEqual(['missing', 'watching']);
  });

  it('reports the folder missing when moved away', async () => {
    await startWatching();
    await rename(root, path.join(base, 'elsewhere'));
    await until(() => expect(watcher?.status().state).toBe('missing'));
    const status = watcher?.status();
    expect(status?.state === 'missing' && status.message).toContain(root);
  });

  it('starts in the missing state for a folder that is not there, then picks it up', async () => {
    const later = path.join(base, 'later');
    engine = Engine.open({ dir: later, logsDir: path.join(base, 'logs') });
    await startWatching();
    expect(watcher?.status().state).toBe('missing');
    await mkdir(later);
    await until(() => expect(watcher?.status().state).toBe('watching'));
  });

  it('keeps going when applying a batch fails', async () => {
    const errors: unknown[] = [];
    engine.applyChanges = () => Promise.reject(new Error('disk on fire'));
    watcher = watchRunbookFolder(engine, { onError: (e) => errors.push(e) });
    await watcher.ready;
    await writeFile(path.join(root, 'ops', 'a.md'), doc('A'));
    await until(() => expect(errors).toHaveLength(1));
    expect(watcher.status().state).toBe('watching');
  });
});

describe('isIgnoredPath', () => {
  it.each([
    { why: 'the root itself is watched', rel: '', ignored: false },
    { why: 'a runbook', rel: 'ops/a.md', ignored: false },
    { why: 'git internals', rel: '.git/HEAD', ignored: true },
    { why: 'the trash', rel: '.trash/a.md', ignored: true },
    { why: 'a hidden folder deep down', rel: 'ops/.cache/a.md', ignored: true },
    { why: 'an editor swap file', rel: 'ops/.a.md.swp', ignored: true },
    { why: 'node_modules anywhere', rel: 'tools/node_modules/x/README.md', ignored: true },
  ])('$why', ({ rel, ignored }) => {
    expect(isIgnoredPath('/base/.runbooks', path.join('/base/.runbooks', rel))).toBe(ignored);
  });
});

describe('watching after the first scan', () => {
  it('picks up what changed between the scan and the watch, with one change event', async () => {
    let release: () => void = () => undefined;
    const afterScan = new Promise<void>((resolve) => (release = resolve));
    const events: string[][] = [];
    engine.onChange((event) => events.push([...event.added, ...event.removed]));
    watcher = watchRunbookFolder(engine, { pollMs: 100, afterScan });
    // The scan is done, chokidar is not watching yet: nothing reports these two changes.
    await writeFile(path.join(root, 'late.md'), doc('Late'));
    await unlink(path.join(root, 'ops', 'restart.md'));
    expect(await names()).toEqual(['ops/restart']);
    release();
    await watcher.ready;
    expect(await names()).toEqual(['late']);
    expect(events).toEqual([['late', 'ops/restart']]);
  });

  it('tells no one when nothing changed meanwhile', async () => {
    const events: unknown[] = [];
    engine.onChange((event) => events.push(event));
    watcher = watchRunbookFolder(engine, { pollMs: 100, afterScan: engine.ready() });
    await watcher.ready;
    expect(events).toEqual([]);
    // And it is watching: a later file arrives through chokidar.
    await writeFile(path.join(root, 'later.md'), doc('Later'));
    await until(async () => expect(await names()).toContain('later'));
  });

  it('stays silent when closed while it checks the folder, and its ready settles', async () => {
    watcher = watchRunbookFolder(engine, { pollMs: 100, afterScan: engine.ready() });
    // After the scan settled, while the folder's presence is being checked (a file system call).
    setImmediate(() => void watcher?.close());
    await watcher.ready;
    await expectNotWatching();
  });

  it('does not start when closed before the scan settled', async () => {
    let release: () => void = () => undefined;
    const afterScan = new Promise<void>((resolve) => (release = resolve));
    watcher = watchRunbookFolder(engine, { pollMs: 100, afterScan });
    await watcher.close();
    release();
    await watcher.ready;
    await expectNotWatching();
  });
});

/**
 * A witness, a second engine with a running watcher on the same folder, gets a new file: a
 * watcher of `engine` that had started would have had it too.
 */
async function expectNotWatching(): Promise<void> {
  const witness = Engine.open({ dir: root, logsDir: path.join(base, 'logs') });
  const witnessWatcher = watchRunbookFolder(witness, { pollMs: 100, afterScan: witness.ready() });
  await witnessWatcher.ready;
  try {
    await writeFile(path.join(root, 'unseen.md'), doc('Unseen'));
    await until(async () => expect((await witness.list()).map((s) => s.name)).toContain('unseen'));
    expect(await names()).toEqual(['ops/restart']);
  } finally {
    await witnessWatcher.close();
  }
}
