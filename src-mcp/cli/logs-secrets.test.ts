/**
 * `runbook logs <name> <id>` prints a log redacted. The CLI writes no logs and renders nothing in the
 * same process, so what it can redact is every credential shape and the secret env values.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFolderName } from '../engine/logs.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { runCli } from './runbook-cli.js';

const ENV_SECRET = 'env-cli-pw-80417';
const LOG_ID = '2020-01-01T00-00-00.000Z.md';

describe('runbook logs <name> <id> prints no secret', () => {
  const rows: { why: string; line: string; leak: string }[] = [
    {
      why: 'a secret env value',
      line: `export PGPASSWORD=${ENV_SECRET} && psql`,
      leak: ENV_SECRET,
    },
    { why: 'mysql -p password', line: 'mysql -u root -pCl1Pass!x', leak: 'Cl1Pass!x' },
    {
      why: 'Vault token',
      line: `vault token lookup ${'hv' + 's.'}${'CAESIabc123XYZ'.repeat(4)}`,
      leak: 'CAESIabc123XYZ',
    },
    { why: 'value with spaces', line: 'password = correct horse battery', leak: 'horse' },
    {
      why: 'YAML value on the next line',
      line: 'token:\n  next-line-tok-1',
      leak: 'next-line-tok-1',
    },
  ];
  it.each(rows)('$why', async ({ line, leak }) => {
    const dir = await makeFolder({
      'db.md': '# DB\n',
      'env.yaml': `db:\n  password: ${ENV_SECRET}\n`,
    });
    const logs = await makeFolder({}, 'runbook-logs-');
    const data = await makeFolder({}, 'runbook-data-');
    const file = path.join(logs, logFolderName('db'), LOG_ID);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const log = `# run\n${line}\ndone\n`;
    await fs.writeFile(file, log);
    let stdout = '';
    const code = await runCli(['logs', 'db', LOG_ID, '--dir', dir, '--logs', logs], {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      env: { RUNBOOK_COMPANION_DATA: data },
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('# run');
    expect(stdout).toContain('done');
    expect(stdout).not.toContain(leak);
    expect(await fs.readFile(file, 'utf8')).toBe(log);
  });
});
