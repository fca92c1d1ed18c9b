import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { MAX_INCLUDE_DEPTH } from './limits.js';
import type { ChangeEvent } from './types.js';
import { makeFolder, writeFiles } from '../test-support/temp-folder.js';
import { expectFolderUnchanged, snapshotFolder } from '../test-support/folder-snapshot.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

async function openEngine(files: Record<string, string>): Promise<{ engine: Engine; dir: string }> {
  const dir = await makeFolder(files);
  const logsDir = await makeFolder({}, 'runbook-logs-');
  const engine = Engine.open({ dir, logsDir });
  await engine.ready();
  return { engine, dir };
}

const PREFLIGHT = [
  '---',
  'variables:',
  '  cluster:',
  '    description: Cluster to check',
  '    choices: [eu, us]',
  '  ticket:',
  '    default: NONE',
  '---',
  'Check {env[clusters][{var.cluster}][api]} is up (ticket {var.ticket}).',
  '',
].join('\n');

const DEPLOY = [
  '---',
  'variables:',
  '  service:',
  '    description: Service to deploy',
  '---',
  '# Deploy {var.service}',
  '',
  '{include[common/preflight]}',
  'Roll out {var.service} on {var.cluster}.',
  '',
].join('\n');

const ENV = 'clusters:\n  eu: { api: https://eu.example }\n  us: { api: https://us.example }\n';

describe('{include[NAME]} renders', () => {
  const files = { 'common/preflight.md': PREFLIGHT, 'deploy.md': DEPLOY, 'env.yaml': ENV };

  it('inserts the body without front matter, with the same values and env', async () => {
    const { engine } = await openEngine(files);
    const text = await engine.render('deploy', { vars: { service: 'api', cluster: 'eu' } });
    expect(text).toBe(
      '# Deploy api\n\nCheck https://eu.example is up (ticket NONE).\nRoll out api on eu.\n',
    );
  });

  it('keeps the escaped form and other languages’ braces as written', async () => {
    const body = [
      '\\{include[common/preflight]}',
      '${include[common/preflight]}',
      '{{include[common/preflight]}}',
      '{ include[common/preflight] }',
      '{include[common/preflight]',
      '',
    ].join('\n');
    const { engine } = await openEngine({ ...files, 'literal.md': body });
    expect(await engine.render('literal')).toBe(
      [
        '{include[common/preflight]}',
        '${include[common/preflight]}',
        '{{include[common/preflight]}}',
        '{ include[common/preflight] }',
        '{include[common/preflight]',
        '',
      ].join('\n'),
    );
  });

  it('names a missing include and its line, with the closest name', async () => {
    const { engine } = await openEngine({
      ...files,
      'broken.md': '# Broken\n\n{include[common/prefligt]}\n',
    });
    const error = await rejectedRunbookError(engine.render('broken'));
    expect(error.code).toBe('not-found');
    expect(error.file).toBe('broken.md');
    expect(error.line).toBe(3);
    expect(error.describe()).toContain(
      'broken.md:3:1: {include[common/prefligt]} names no runbook',
    );
    expect(error.describe()).toContain('Did you mean "common/preflight"');
  });

  it.each([
    ['a bare file name is not an exact name', 'preflight'],
    ['a path outside the folder is never a runbook', '../outside/secret'],
    ['an absolute path is never a runbook', '/etc/passwd'],
  ])('refuses an include that is not an exact name: %s', async (_why, name) => {
    const { engine, dir } = await openEngine({ ...files, 'x.md': `{include[${name}]}\n` });
    const before = await snapshotFolder(dir);
    expect((await rejectedRunbookError(engine.render('x'))).code).toBe('not-found');
    await expectFolderUnchanged(dir, before);
  });

  it('clips a huge include name in the message and key (a hostile file)', async () => {
    const name = 'x'.repeat(100_000);
    const { engine } = await openEngine({ 'big.md': `{include[${name}]}\n` });
    const error = await rejectedRunbookError(engine.render('big'));
    expect(error.code).toBe('not-found');
    expect(error.describe().length).toBeLessThan(1000);
    expect(error.key?.length).toBeLessThan(300);
    expect((await engine.list()).find((s) => s.name === 'big')?.includes).toBeUndefined();
  });

  it('takes the name with its extension too', async () => {
    const { engine } = await openEngine({ ...files, 'x.md': '{include[common/preflight.md]}\n' });
    expect(await engine.render('x', { vars: { cluster: 'us' } })).toContain('https://us.example');
  });

  it('names the whole chain of a cycle', async () => {
    const { engine } = await openEngine({
      'loop/a.md': 'A\n{include[loop/b]}\n',
      'loop/b.md': 'B\n\n{include[loop/a]}\n',
    });
    const error = await rejectedRunbookError(engine.render('loop/a'));
    expect(error.code).toBe('include-cycle');
    expect(error.message).toBe('Includes form a cycle: loop/a → loop/b → loop/a.');
    expect([error.file, error.line]).toEqual(['loop/b.md', 3]);
  });

  it('names a runbook that includes itself', async () => {
    const { engine } = await openEngine({ 'self.md': '{include[self]}\n' });
    expect((await rejectedRunbookError(engine.render('self'))).message).toContain('self → self');
  });

  it(`caps the depth at ${MAX_INCLUDE_DEPTH} levels`, async () => {
    const chain = (levels: number): Record<string, string> =>
      Object.fromEntries(
        Array.from({ length: levels + 1 }, (_, i) => [
          `d/${i}.md`,
          i < levels ? `level ${i}\n{include[d/${i + 1}]}\n` : `level ${i}\n`,
        ]),
      );
    const ok = await openEngine(chain(MAX_INCLUDE_DEPTH));
    expect(await ok.engine.render('d/0')).toContain(`level ${MAX_INCLUDE_DEPTH}`);
    const deep = await openEngine(chain(MAX_INCLUDE_DEPTH + 1));
    const error = await rejectedRunbookError(deep.engine.render('d/0'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`more than ${MAX_INCLUDE_DEPTH} deep: d/0 → d/1`);
  });

  it('lists a missing value of an included runbook with that runbook’s file and line', async () => {
    const { engine } = await openEngine(files);
    const error = await rejectedRunbookError(engine.render('deploy', { vars: { service: 'a' } }));
    expect(error.code).toBe('missing-values');
    expect(error.message).toContain('line 9 of common/preflight.md: var.cluster has no value');
    const missing = await engine.missing('deploy', { vars: { service: 'a' } });
    expect(missing.map((u) => [u.key, u.file])).toEqual([
      ['var.cluster', 'common/preflight.md'],
      ['var.cluster', undefined],
    ]);
  });

  it('previews leniently: a missing include is a diagnostic and stays as written', async () => {
    const { engine } = await openEngine({ ...files, 'p.md': 'x {include[nope]} y\n' });
    const preview = await engine.preview('p');
    expect(preview.text).toBe('x {include[nope]} y\n');
    expect(preview.diagnostics).toMatchObject([{ code: 'not-found', line: 1, key: 'nope' }]);
  });
});

describe('variables of included runbooks', () => {
  const files = { 'common/preflight.md': PREFLIGHT, 'deploy.md': DEPLOY, 'env.yaml': ENV };

  it('join the including runbook’s variables, its own first, declarations kept', async () => {
    const { engine } = await openEngine(files);
    const vars = await engine.variables('deploy');
    expect(vars.map((v) => [v.name, v.required, v.declared])).toEqual([
      ['service', true, true],
      ['cluster', true, true],
      ['ticket', false, true],
    ]);
    expect(vars[1]?.choices).toEqual(['eu', 'us']);
    const listed = (await engine.list()).find((s) => s.name === 'deploy');
    expect(listed?.variables.map((v) => v.name)).toEqual(['service', 'cluster', 'ticket']);
    expect((await engine.read('deploy')).variables).toEqual(vars);
  });

  it('check choices of an included variable', async () => {
    const { engine } = await openEngine(files);
    const error = await rejectedRunbookError(
      engine.render('deploy', { vars: { service: 'a', cluster: 'mars' } }),
    );
    expect(error.message).toContain('not one of its choices: eu, us');
  });

  it('update live when the included runbook changes, and the includer is reported', async () => {
    const { engine, dir } = await openEngine(files);
    await engine.list();
    const events: ChangeEvent[] = [];
    engine.onChange((e) => events.push(e));
    await writeFiles(dir, {
      'common/preflight.md': PREFLIGHT.replace(
        '---\nCheck',
        '  region:\n    default: r1\n---\nCheck',
      ),
    });
    await engine.applyChanges(['common/preflight.md']);
    expect(events.at(-1)).toMatchObject({
      changed: ['common/preflight', 'deploy'],
      listChanged: true,
    });
    expect((await engine.variables('deploy')).map((v) => v.name)).toEqual([
      'service',
      'cluster',
      'ticket',
      'region',
    ]);
  });

  it('do not make a list change when only the included text changed', async () => {
    const { engine, dir } = await openEngine(files);
    await engine.list();
    await writeFiles(dir, { 'common/preflight.md': `${PREFLIGHT}\nMore text.\n` });
    const event = await engine.applyChanges(['common/preflight.md']);
    expect(event).toMatchObject({ changed: ['common/preflight', 'deploy'], listChanged: false });
    expect(await engine.render('deploy', { vars: { service: 's', cluster: 'eu' } })).toContain(
      'More text.',
    );
  });

  it('reach includers of includers, and leave when the included runbook goes', async () => {
    const { engine, dir } = await openEngine({
      ...files,
      'release.md': '# Release\n{include[deploy]}\n',
    });
    expect((await engine.variables('release')).map((v) => v.name)).toEqual([
      'service',
      'cluster',
      'ticket',
    ]);
    await fs.rm(path.join(dir, 'common/preflight.md'));
    const event = await engine.applyChanges(['common/preflight.md']);
    expect(event.changed.sort()).toEqual(['deploy', 'release']);
    expect(event.listChanged).toBe(true);
    expect((await engine.variables('release')).map((v) => v.name)).toEqual(['service', 'cluster']);
  });
});
