/** `runbook vars` and `runbook render` on the bundled runbook that includes another. */
import { describe, expect, it } from 'vitest';
import { copyBundledRunbooks, makeFolder, repoRoot } from '../test-support/temp-folder.js';
import { expectFolderUnchanged, snapshotFolder } from '../test-support/folder-snapshot.js';
import { runCliCaptured, type CliRun } from '../test-support/run-cli.js';

async function cli(args: string[]): Promise<CliRun> {
  const data = await makeFolder({}, 'runbook-data-');
  return runCliCaptured(args, {
    env: { RUNBOOK_COMPANION_DATA: data, RUNBOOK_COMPANION_CACHE: data },
    cwd: repoRoot,
  });
}

describe('runbook CLI with {include[...]}', () => {
  it('vars lists the included runbook’s variables after the runbook’s own', async () => {
    const dir = await copyBundledRunbooks();
    const out = await cli(['vars', 'deploy/restart-service', '--dir', dir, '--json']);
    expect(out.code).toBe(0);
    const vars = JSON.parse(out.stdout) as { name: string; choices?: string[] }[];
    expect(vars.map((v) => v.name)).toEqual(['reason', 'service']);
    expect(vars[1]?.choices).toEqual(['checkout', 'payments']);
  });

  it('render inserts the included body with the same values and env', async () => {
    const dir = await copyBundledRunbooks();
    const out = await cli([
      'render',
      'deploy/restart-service',
      '--dir',
      dir,
      '--vars',
      'service=payments,reason=leak',
    ]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toContain('## Preflight');
    expect(out.stdout).toContain('kubectl config use-context gke_acme-staging_europe-west1');
    expect(out.stdout).toContain('kubectl -n payments get pods -l app=payments');
    expect(out.stdout).toContain('"Restarted payments: leak"');
    expect(out.stdout).not.toContain('{include[');
  });

  it('render names a missing value of the included runbook with its file and line', async () => {
    const dir = await copyBundledRunbooks();
    const out = await cli(['render', 'deploy/restart-service', '--dir', dir, '--var', 'reason=x']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /1 value is missing:\n.*\n {2}lines [\d, ]+ of common\/preflight\.md: var\.service has no value/,
    );
  });

  it('render names the whole chain of a cycle, exit 2, and changes nothing', async () => {
    const dir = await makeFolder({
      'loop/a.md': '{include[loop/b]}\n',
      'loop/b.md': 'b\n{include[loop/a]}\n',
    });
    const before = await snapshotFolder(dir);
    const out = await cli(['render', 'loop/a', '--dir', dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('loop/b.md:2:1: Includes form a cycle: loop/a → loop/b → loop/a.');
    await expectFolderUnchanged(dir, before);
  });
});
