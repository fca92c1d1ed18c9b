import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { logFolderName } from './logs.js';
import { redact } from './redact.js';
import { REDACTED } from './redact-shapes.js';
import { MAX_REMEMBERED, MAX_REMEMBERED_CHARS, SecretMemory } from './secret-memory.js';
import { makeFolder } from '../test-support/temp-folder.js';

describe('SecretMemory', () => {
  const rows: { why: string; given: [string, string][]; expected: string[] }[] = [
    { why: 'remembers a value', given: [['hunter2x', 'a']], expected: ['hunter2x'] },
    {
      why: 'ignores values under 4 chars: they would redact inside ordinary words',
      given: [['abc', 'a']],
      expected: [],
    },
    {
      why: 'typing in a live preview keeps only the last of a prefix chain',
      given: [
        ['hunt', 'a'],
        ['hunte', 'a'],
        ['hunter', 'a'],
        ['hunter2x', 'a'],
      ],
      expected: ['hunter2x'],
    },
    {
      why: 'backspacing keeps only the shorter value',
      given: [
        ['hunter2x', 'a'],
        ['hunter2', 'a'],
      ],
      expected: ['hunter2'],
    },
    {
      why: 'two unrelated values of one variable are both kept (two rotations of a password)',
      given: [
        ['old-pass-1', 'a'],
        ['new-pass-2', 'a'],
      ],
      expected: ['old-pass-1', 'new-pass-2'],
    },
    {
      why: 'a prefix from another slot is not a keystroke, so both stay',
      given: [
        ['hunter2x', 'a'],
        ['hunter2x-prod', 'b'],
      ],
      expected: ['hunter2x', 'hunter2x-prod'],
    },
    {
      why: 'a multi-line key is remembered whole and by its key-material lines (re-indented echoes)',
      given: [['-----BEGIN KEY-----\n  MIIEvQIBADANBgkqhkiG9w0\n  end of it\n', 'a']],
      expected: [
        '-----BEGIN KEY-----\n  MIIEvQIBADANBgkqhkiG9w0\n  end of it\n',
        'MIIEvQIBADANBgkqhkiG9w0',
      ],
    },
  ];
  it.each(rows)('$why', ({ given, expected }) => {
    const memory = new SecretMemory();
    for (const [value, slot] of given) memory.remember(value, slot);
    expect(memory.all().sort()).toEqual([...expected].sort());
  });

  it(`keeps at most ${MAX_REMEMBERED} values, dropping the oldest`, () => {
    const memory = new SecretMemory();
    for (let i = 0; i < MAX_REMEMBERED + 10; i++) memory.remember(`secret-${i}`, `slot-${i}`);
    expect(memory.size).toBe(MAX_REMEMBERED);
    expect(memory.all()).not.toContain('secret-0');
    expect(memory.all()).toContain(`secret-${MAX_REMEMBERED + 9}`);
  });

  it(`keeps at most ${MAX_REMEMBERED_CHARS} characters, dropping the oldest`, () => {
    const memory = new SecretMemory();
    for (let i = 0; i < 20; i++) memory.remember(`${i}-${'k'.repeat(8000)}`, `slot-${i}`);
    const kept = memory.all();
    expect(kept.join('').length).toBeLessThanOrEqual(MAX_REMEMBERED_CHARS);
    expect(kept).toContain(`19-${'k'.repeat(8000)}`);
    expect(kept).not.toContain(`0-${'k'.repeat(8000)}`);
  });

  it('a memory full of long values still redacts a 1 MB log fast', () => {
    const memory = new SecretMemory();
    for (let i = 0; i < 20; i++) memory.remember(`${i}-${'k'.repeat(8000)}`, `slot-${i}`);
    const log = `${'ordinary log line with kkkk and 19-\n'.repeat(30_000)}19-${'k'.repeat(8000)}`;
    const started = performance.now();
    const out = redact(log, memory.all());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.endsWith(REDACTED)).toBe(true);
  });

  it('a full memory still redacts a 1 MB log fast', () => {
    const memory = new SecretMemory();
    for (let i = 0; i < MAX_REMEMBERED; i++) memory.remember(`pw-${i}-${'x'.repeat(40)}`, `${i}`);
    const log = `${'ordinary log line with pw- and x\n'.repeat(32_000)}pw-7-${'x'.repeat(40)}`;
    const started = performance.now();
    const out = redact(log, memory.all());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.endsWith(REDACTED)).toBe(true);
  });
});

const SECRET = 'S3cret-Hunter-42';
const ENV_SECRET = 'env-pw-771122';
const RUNBOOK = [
  '---',
  'variables:',
  '  db_password: { secret: true }',
  '  host: { default: db.internal }',
  '---',
  'mysql -h {var.host} -u root -p{var.db_password}',
  'export PGPASSWORD={env[db][password]}',
  '',
].join('\n');

async function openEngine(): Promise<{ engine: Engine; logsDir: string }> {
  const dir = await makeFolder({
    'db/restore.md': RUNBOOK,
    'other.md': '# Other\n',
    'env.yaml': `db:\n  password: ${ENV_SECRET}\n`,
  });
  const logsDir = await makeFolder({}, 'runbook-logs-');
  const engine = Engine.open({ dir, logsDir });
  await engine.ready();
  return { engine, logsDir };
}

/** Every byte the engine wrote under the logs folder. */
async function allLogBytes(logsDir: string): Promise<string> {
  const files = await fs.readdir(logsDir, { recursive: true });
  const texts = await Promise.all(
    files.map((f) => fs.readFile(path.join(logsDir, f), 'utf8').catch(() => '')),
  );
  return texts.join('\n');
}

describe('an engine redacts the secrets it rendered from every log', () => {
  // The model sends no vars with create_runbook_log: only the engine's memory knows the value.
  const echoes: { why: string; log: (rendered: string) => string }[] = [
    { why: 'the rendered text echoed whole', log: (rendered) => rendered },
    { why: 'the bare value in prose', log: () => `used ${SECRET} as asked` },
    { why: 'the value URL-encoded', log: () => `?p=${encodeURIComponent(SECRET)}` },
    { why: 'the value base64-encoded', log: () => Buffer.from(SECRET).toString('base64') },
    { why: 'the value glued to other text', log: () => `pw:${SECRET}.` },
  ];
  it.each(echoes)('render then log: $why', async ({ log }) => {
    const { engine, logsDir } = await openEngine();
    const rendered = await engine.render('db/restore', { vars: { db_password: SECRET } });
    expect(rendered).toContain(SECRET);
    const entry = await engine.appendLog('db/restore', log(rendered));
    const onDisk = await allLogBytes(logsDir);
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain(ENV_SECRET);
    expect(await engine.readLog('db/restore', entry.id)).not.toContain(SECRET);
  });

  it('a preview (the app’s live form) is remembered too, and in the logs of other runbooks', async () => {
    const { engine, logsDir } = await openEngine();
    await engine.preview('db/restore', { vars: { db_password: SECRET } });
    await engine.appendLog('other', `pasted ${SECRET} by mistake`);
    expect(await allLogBytes(logsDir)).not.toContain(SECRET);
  });

  it('a render that fails (a bad choice) still remembers the secret it received', async () => {
    const { engine, logsDir } = await openEngine();
    await fs.writeFile(
      path.join(engine.root, 'strict.md'),
      '---\nvariables:\n  token: { secret: true }\n  env: { choices: [a, b] }\n---\n{var.token} {var.env}\n',
    );
    await engine.reindex();
    await expect(engine.render('strict', { vars: { token: SECRET, env: 'c' } })).rejects.toThrow();
    await engine.appendLog('strict', `tried ${SECRET}`);
    expect(await allLogBytes(logsDir)).not.toContain(SECRET);
  });

  it('a log already on disk with the secret is redacted when read back (readLog, latestLog)', async () => {
    const { engine, logsDir } = await openEngine();
    const folder = path.join(logsDir, logFolderName('db/restore'));
    await fs.mkdir(folder, { recursive: true });
    const id = '2020-01-01T00-00-00.000Z.md';
    const old = `# old log\nmysql -pS3cretOld!\npassword:\n  hunter2x\nran with ${SECRET}\n`;
    await fs.writeFile(path.join(folder, id), old);
    await engine.render('db/restore', { vars: { db_password: SECRET } });
    for (const text of [
      await engine.readLog('db/restore', id),
      (await engine.latestLog('db/restore'))?.text ?? '',
    ]) {
      expect(text).toContain('# old log');
      for (const leaked of [SECRET, 'S3cretOld!', 'hunter2x']) expect(text).not.toContain(leaked);
    }
    // Reading never rewrites the file: the user's bytes stay as they were.
    expect(await fs.readFile(path.join(folder, id), 'utf8')).toBe(old);
  });

  it('a secret env value of a profile chosen per render is remembered (the log uses the default profile)', async () => {
    const { engine, logsDir } = await openEngine();
    await fs.writeFile(path.join(engine.root, 'env.prod.yaml'), 'db:\n  password: prod-pw-66123\n');
    await engine.render('db/restore', { vars: { db_password: SECRET }, profile: 'prod' });
    await engine.appendLog('db/restore', 'export PGPASSWORD=prod-pw-66123; ran prod-pw-66123');
    expect(await allLogBytes(logsDir)).not.toContain('prod-pw-66123');
  });

  it('a secret that was never rendered is not known, and ordinary words stay', async () => {
    const { engine } = await openEngine();
    await engine.render('db/restore', { vars: { db_password: SECRET } });
    const entry = await engine.appendLog('other', 'restored db.internal in 4 minutes');
    expect(await engine.readLog('other', entry.id)).toContain('restored db.internal in 4 minutes');
  });
});
