/**
 * Run receipts through the real engine on temp folders: a render that starts a run, the log that
 * names its run id, the receipt written at the log's head and parsed back.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { logFolderName } from './logs.js';
import { formatReceipt, outcomeOf, splitReceipt, type Receipt } from './receipt.js';
import { MAX_RUNS, RunMemory } from './run-memory.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const SECRET = 'pw-Zq81-never-logged';
// A BOM and a byte that is not UTF-8: the hash is of the bytes, not of the decoded text.
const RESTORE = Buffer.concat([
  Buffer.from('\uFEFF---\nvariables:\n  db_password: { secret: true }\n'),
  Buffer.from('  target: { default: staging }\n---\nmysql -p{var.db_password} {var.target} # '),
  Buffer.from([0xff]),
  Buffer.from('\n'),
]);

async function openEngine(profile?: string) {
  const dir = await makeFolder({ 'db/restore.md': RESTORE, 'env.yaml': 'a: 1\n' });
  const logsDir = path.join(await makeFolder(), 'logs');
  const engine = Engine.open({ dir, logsDir, profile });
  return { engine, dir, logsDir };
}

async function logFile(logsDir: string, runbook: string, id: string): Promise<string> {
  return fs.readFile(path.join(logsDir, logFolderName(runbook), id), 'utf8');
}

describe('receipts written by the engine', () => {
  it('a run id from the render gives a receipt with the hash, profile, values and times', async () => {
    const { engine, logsDir } = await openEngine('prod');
    const vars = { db_password: SECRET, extra: 'x"y\n---\nz' };
    const { text, runId } = await engine.renderRun('db/restore', { vars });
    expect(text).toContain(`-p${SECRET}`);
    expect(runId).toMatch(/^[A-Za-z0-9_-]{10}$/);
    const entry = await engine.appendLog(
      'db/restore',
      `ran it with ${SECRET}`,
      {},
      {
        outcome: 'success',
        runId,
      },
    );
    const onDisk = await logFile(logsDir, 'db/restore', entry.id);
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk.startsWith('---\nreceipt: runbook-companion/1\noutcome: success\n')).toBe(true);
    const receipt = await engine.logReceipt('db/restore', entry.id);
    expect(receipt).toMatchObject({
      runbook: 'db/restore',
      runId,
      outcome: 'success',
      sha256: createHash('sha256').update(RESTORE).digest('hex'),
      hashedAt: 'render',
      profile: 'prod',
      values: { target: 'staging', extra: 'x"y\n---\nz' },
      masked: ['db_password'],
      secrets: ['db_password'],
      valuesKnown: true,
      endedAt: entry.createdAt,
    });
    expect(Date.parse(receipt!.startedAt!)).toBeLessThanOrEqual(Date.parse(receipt!.endedAt));
    // The log body follows the receipt as it always did.
    expect(splitReceipt(onDisk).rest).toMatch(/^# Execution log: db\/restore\n/);
  });

  it('keeps the hash of the bytes rendered, even when the file changed before the log', async () => {
    const { engine, dir } = await openEngine();
    const { runId } = await engine.renderRun('db/restore', { vars: { db_password: SECRET } });
    await fs.writeFile(path.join(dir, 'db/restore.md'), 'changed since\n');
    const entry = await engine.appendLog('db/restore', 'done', {}, { runId, outcome: 'partial' });
    const receipt = await engine.logReceipt('db/restore', entry.id);
    expect(receipt?.sha256).toBe(createHash('sha256').update(RESTORE).digest('hex'));
  });

  it('an unknown run id (another process rendered it) hashes the file now and says so', async () => {
    const { engine, logsDir } = await openEngine();
    const entry = await engine.appendLog('db/restore', 'done', {}, { runId: 'fromElsewh' });
    const receipt = await engine.logReceipt('db/restore', entry.id);
    expect(receipt).toMatchObject({ runId: 'fromElsewh', hashedAt: 'log', valuesKnown: false });
    expect(receipt?.outcome).toBeUndefined();
    expect(receipt?.sha256).toBe(createHash('sha256').update(RESTORE).digest('hex'));
    const onDisk = await logFile(logsDir, 'db/restore', entry.id);
    expect(onDisk).toContain('the run id is unknown to this process');
    expect(onDisk).toContain('values: (unknown: the run was rendered by another process)');
  });

  it('a run id rendered for another runbook is not taken for this one', async () => {
    const dir = await makeFolder({ 'a.md': 'A {var.x}\n', 'b.md': 'B\n' });
    const engine = Engine.open({ dir, logsDir: path.join(dir, '..', 'logs-b') });
    const { runId } = await engine.renderRun('a', { vars: { x: '1' } });
    const entry = await engine.appendLog('b', 'done', {}, { runId, outcome: 'success' });
    expect(await engine.logReceipt('b', entry.id)).toMatchObject({ hashedAt: 'log', values: {} });
  });

  it('the earlier shape (name and text only) writes the earlier format, without a receipt', async () => {
    const { engine, logsDir } = await openEngine();
    const entry = await engine.appendLog('db/restore', 'done');
    expect(await logFile(logsDir, 'db/restore', entry.id)).toMatch(/^# Execution log: db\/restore/);
    expect(await engine.logReceipt('db/restore', entry.id)).toBeUndefined();
  });

  it.each([
    { why: 'an outcome that is not one of the three', report: { outcome: 'done' }, key: 'outcome' },
    { why: 'a run id with a newline', report: { runId: 'abc\noutcome: success' }, key: 'run_id' },
    { why: 'a run id too long to be ours', report: { runId: 'x'.repeat(33) }, key: 'run_id' },
  ])('refuses $why, and writes nothing', async ({ report, key }) => {
    const { engine, logsDir } = await openEngine();
    const refused = await rejectedRunbookError(
      engine.appendLog('db/restore', 'done', {}, report as never),
    );
    expect(refused).toMatchObject({ code: 'invalid-argument', key });
    expect(await engine.listLogs('db/restore')).toEqual([]);
    await expect(fs.readdir(logsDir)).rejects.toThrow();
  });

  it('a value holding a secret remembered from another render is not recorded', async () => {
    const { engine } = await openEngine();
    await engine.render('db/restore', { vars: { db_password: SECRET } });
    const { runId } = await engine.renderRun('db/restore', {
      vars: { db_password: 'other-pw-1', target: `prefix-${SECRET}` },
    });
    const entry = await engine.appendLog('db/restore', 'x', {}, { runId, outcome: 'failure' });
    const receipt = await engine.logReceipt('db/restore', entry.id);
    expect(receipt?.values).toEqual({});
    expect(receipt?.masked.sort()).toEqual(['db_password', 'target']);
    expect(receipt?.secrets).toEqual(['db_password']);
  });
});

describe('the past-run example', () => {
  it('is the last successful run, else the latest log', async () => {
    const { engine } = await openEngine();
    expect(await engine.latestLog('db/restore')).toBeUndefined();
    await engine.appendLog('db/restore', 'plain, no receipt');
    expect((await engine.latestLog('db/restore'))?.text).toContain('plain, no receipt');
    await engine.appendLog('db/restore', 'went well', {}, { outcome: 'success' });
    await engine.appendLog('db/restore', 'broke halfway', {}, { outcome: 'failure' });
    await engine.appendLog('db/restore', 'no outcome again');
    expect((await engine.latestLog('db/restore'))?.text).toContain('went well');
  });
});

describe('receipt format', () => {
  const base: Receipt = {
    runbook: 'ops/"odd"\nname',
    runId: 'abcDEF_-12',
    outcome: 'partial',
    sha256: 'a'.repeat(64),
    hashedAt: 'render',
    profile: 'prod',
    values: { plain: 'v', 'we:ird key': 'line1\nline2', __proto__x: '' },
    masked: ['token', 'huge'],
    secrets: ['token'],
    valuesKnown: true,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:05:00.000Z',
  };

  it.each<{ why: string; receipt: Receipt }>([
    { why: 'every field, odd keys and values', receipt: base },
    {
      why: 'no run id, no outcome, default profile',
      receipt: omit(base, 'runId', 'outcome', 'profile'),
    },
    {
      why: 'values unknown',
      receipt: { ...base, values: {}, masked: [], secrets: [], valuesKnown: false },
    },
    { why: 'unreadable file, no start time', receipt: omit(base, 'sha256', 'startedAt') },
  ])('round-trips: $why', ({ receipt }) => {
    const text = `${formatReceipt(receipt)}# Execution log\n`;
    expect(splitReceipt(text)).toEqual({ receipt, rest: '# Execution log\n' });
    expect(outcomeOf(text)).toBe(receipt.outcome);
  });

  it.each([
    { why: 'a log of the earlier format', text: '# Execution log: x\n\n---\n\nbody\n' },
    { why: 'a model’s text that starts like front matter', text: '---\ntitle: x\n---\nbody\n' },
    {
      why: 'a receipt never closed',
      text: '---\nreceipt: runbook-companion/1\noutcome: success\n',
    },
    {
      why: 'a receipt without its hash',
      text: '---\nreceipt: runbook-companion/1\nrunbook: "x"\nended: t\n---\n',
    },
  ])('finds no receipt in $why, and keeps the whole text', ({ text }) => {
    expect(splitReceipt(text)).toEqual({ rest: text });
  });

  it('reads a receipt written with CRLF line ends (a log copied through Windows)', () => {
    const text = `${formatReceipt(base)}body\n`.replace(/\n/g, '\r\n');
    expect(splitReceipt(text).receipt).toEqual(base);
  });
});

describe('RunMemory', () => {
  it(`keeps the last ${MAX_RUNS} runs`, () => {
    const memory = new RunMemory();
    const run = { runbook: 'x', sha256: '', values: {}, masked: [], secrets: [], startedAt: '' };
    const ids = Array.from({ length: MAX_RUNS + 5 }, () => memory.start(run));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 5).map((id) => memory.get(id))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(memory.get(ids.at(-1)!)).toBe(run);
    expect(memory.get(ids[5]!)).toBe(run);
  });
});

function omit(
  value: Receipt,
  ...keys: ('runId' | 'outcome' | 'profile' | 'sha256' | 'startedAt')[]
): Receipt {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
