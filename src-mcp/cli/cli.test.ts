import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBundledRunbooks, makeFolder, repoRoot } from '../test-support/temp-folder.js';
import { runCliCaptured, type CliRun } from '../test-support/run-cli.js';

let dataDir: string;
beforeAll(async () => {
  // Keep the user's real settings out of the tests.
  dataDir = await makeFolder({}, 'runbook-data-');
});

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliCaptured(args, { env: { RUNBOOK_COMPANION_DATA: dataDir, ...env }, cwd: repoRoot });
}

describe('runbook CLI (in process)', () => {
  it('lists runbooks as text and JSON', async () => {
    const dir = await copyBundledRunbooks();
    const text = await cli(['list', '--dir', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^deploy\/rolling-deploy\s+Rolling deploy of a service\s+\[service, version, max_unavailable\]$/m,
    );
    const json = JSON.parse((await cli(['list', '--json', '--dir', dir])).stdout) as {
      name: string;
    }[];
    expect(json.map((r) => r.name)).toContain('incidents/triage');
  });

  it('renders exactly the runbook to stdout, with --var and --vars', async () => {
    const dir = await makeFolder({
      'env.yaml': 'deployments:\n  api:\n    namespace: prod-api\n',
      'x.md': 'ns={env[deployments][{var.svc}][namespace]} v={var.v} ${HOME}\n',
    });
    const out = await cli(['render', 'x', '--dir', dir, '--vars', 'svc=api', '--var', 'v=a=b']);
    expect(out).toEqual({ code: 0, stdout: 'ns=prod-api v=a=b ${HOME}\n', stderr: '' });
  });

  it('uses RUNBOOK_DIR when --dir is absent', async () => {
    const dir = await makeFolder({ 'only-here.md': '# Only here' });
    expect((await cli(['list'], { RUNBOOK_DIR: dir })).stdout).toContain('only-here');
  });

  it('uses the app setting runbookDir when neither --dir nor RUNBOOK_DIR is given', async () => {
    const dir = await makeFolder({ 'from-settings.md': '# From settings' });
    const data = await makeFolder(
      { 'config.json': JSON.stringify({ runbookDir: dir }) },
      'runbook-data-',
    );
    expect((await cli(['list'], { RUNBOOK_COMPANION_DATA: data })).stdout).toContain(
      'from-settings',
    );
  });

  it('names the setting when the saved folder is gone', async () => {
    const data = await makeFolder(
      { 'config.json': JSON.stringify({ runbookDir: '/nonexistent/rb' }) },
      'runbook-data-',
    );
    const out = await cli(['list'], { RUNBOOK_COMPANION_DATA: data });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/\/nonexistent\/rb.*runbookDir/);
  });

  it('falls back to the bundled examples', async () => {
    expect((await cli(['list'])).stdout).toContain('getting-started');
  });

  it.each([
    [
      'missing variables name the variable and line',
      ['render', 'deploy/rolling-deploy'],
      /service.*\n?.*version|version/s,
    ],
    ['unknown runbook suggests names', ['render', 'rollbak'], /deploy\/rollback/],
    ['ambiguous or unknown option', ['render', 'x', '--bogus'], /bogus/],
    ['bad --var', ['render', 'rollback', '--var', 'nonsense'], /--var/],
    ['unknown command', ['frobnicate'], /unknown command/],
  ])('exits 2 when %s', async (_why, args, pattern) => {
    const dir = await copyBundledRunbooks();
    const out = await cli([...args, '--dir', dir]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(pattern);
  });

  it('searches with ranked results', async () => {
    const dir = await copyBundledRunbooks();
    const out = await cli(['search', 'replication lag', '--json', '--dir', dir]);
    const hits = JSON.parse(out.stdout) as { name: string }[];
    expect(hits[0]?.name).toBe('incidents/postgres-replication-lag');
  });

  it.each<[string[], RegExp, RegExp, string]>([
    [
      ['replication lag'],
      /^incidents\/postgres-replication-lag /,
      /^runbook: \d+ found, showing 1–\d+/,
      'hits on stdout, the count on stderr',
    ],
    [
      ['réplication', '--json'],
      /^\[\n/,
      /^runbook: \d+ found/,
      'JSON stays an array; accents fold',
    ],
    [
      ['replication', '--limit', '1'],
      /^\S+ .*\n {4}.*\n$/,
      /showing 1–1 \(--offset 1 for more\)\n$/,
      'a short page says how to get the next',
    ],
    [['replication', '--limit', '1', '--offset', '1'], /\S/, /showing 2–2/, 'the second page'],
    [['replication', '--offset', '999'], /^$/, /found; none after result 999/, 'past the end'],
    [['zzqxv'], /^$/, /no runbook matches "zzqxv"/, 'nothing matches'],
  ])('search %j → stdout %s, stderr %s (%s)', async (args, stdout, stderr) => {
    const dir = await copyBundledRunbooks();
    const out = await cli(['search', ...args, '--dir', dir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(stdout);
    expect(out.stderr).toMatch(stderr);
  });

  it.each([
    ['--offset=-1', '--offset'],
    ['--offset=two', '--offset'],
    ['--limit=0', '--limit'],
  ])('search refuses %s with exit 2 and the fix', async (arg, flag) => {
    const dir = await copyBundledRunbooks();
    const out = await cli(['search', 'redis', arg, '--dir', dir]);
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain(`${flag} must be a whole number`);
  });

  it('shows variables', async () => {
    const dir = await copyBundledRunbooks();
    const out = await cli(['vars', 'rolling-deploy', '--dir', dir]);
    expect(out.stdout).toMatch(
      /^service {2}\(required, one of checkout\|payments\) {2}The service to deploy$/m,
    );
    expect(out.stdout).toMatch(/^max_unavailable {2}\(optional, default "1"\)/m);
  });

  it('reads logs back, newest first', async () => {
    const dir = await copyBundledRunbooks();
    const logs = await makeFolder({}, 'runbook-logs-');
    const out = await cli(['logs', 'rollback', '--dir', dir, '--logs', logs]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('no logs');
  });
});

describe('runbook bin (a real process)', () => {
  const bin = path.join(repoRoot, 'bin', 'runbook.js');
  it.skipIf(!existsSync(path.join(repoRoot, 'dist', 'cli.js')))(
    'renders through the built bin with exit codes',
    async () => {
      const dir = await makeFolder({ 'a.md': 'hello {var.who}\n' });
      const env = { ...process.env, RUNBOOK_COMPANION_DATA: dataDir };
      const ok = spawnSync(
        process.execPath,
        [bin, 'render', 'a', '--var', 'who=world', '--dir', dir],
        { encoding: 'utf8', env },
      );
      expect([ok.status, ok.stdout]).toEqual([0, 'hello world\n']);
      const bad = spawnSync(process.execPath, [bin, 'render', 'a', '--dir', dir], {
        encoding: 'utf8',
        env,
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('who');
      await fs.rm(dir, { recursive: true });
    },
  );
});
