import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { apiCaller } from '../test-support/api-calls.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { rewriteLater } from '../test-support/file-time.js';
import type { ApiHandlers } from './contract.js';
import { API_METHODS, apiContract } from './contract.js';
import { createService } from './service.js';
import { confSettingsStore } from './conf-settings.js';

const DEPLOY = `---
title: Deploy
variables:
  service:
    description: What to deploy
    choices: [checkout, payments]
  token:
    secret: true
---
# Deploy {var.service}
Namespace {env[deployments][{var.service}][namespace]} with {var.token}.
`;

const ENV = 'deployments:\n  checkout:\n    namespace: shop\n  payments:\n    namespace: pay\n';

let dir: string;
let home: string;
let handlers: ApiHandlers;
const { call, failure } = apiCaller(() => handlers);

beforeEach(async () => {
  dir = await makeFolder({ 'ops/deploy.md': DEPLOY, 'env.yaml': ENV, 'env.prod.yaml': 'x: 1\n' });
  home = await makeFolder({}, 'home-');
  const engine = Engine.open({ dir, logsDir: path.join(home, 'logs') });
  handlers = createService(
    { engine },
    {
      clients: {
        launch: () => ({
          command: process.execPath,
          args: [path.join(home, 'mcp.js'), '--dir', dir],
        }),
        platform: { platform: 'linux', homedir: home, env: {} },
        detectRunning: async () => false,
      },
      settings: confSettingsStore(path.join(home, 'data')),
      watchStatus: () => ({ state: 'watching' }),
    },
  );
});

describe('the contract', () => {
  it('has a handler for every method and a method for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    expect(API_METHODS).toEqual(Object.keys(apiContract));
  });
});

describe('runbook calls', () => {
  it('previews leniently and renders strictly with the same values', async () => {
    const preview = await call('preview', { name: 'ops/deploy', vars: { service: 'payments' } });
    expect(preview.text).toContain('Namespace pay with {var.token}');
    expect(preview.unresolved.map((u) => u.key)).toEqual(['var.token']);
    const missing = await failure('render', { name: 'ops/deploy', vars: { service: 'payments' } });
    expect(missing.code).toBe('missing-values');
    expect(missing.message).toContain('token');
    const { text } = await call('render', {
      name: 'ops/deploy',
      vars: { service: 'checkout', token: 's3cr3t' },
    });
    expect(text).toContain('Namespace shop with s3cr3t.');
  });

  it('previews unsaved editor content', async () => {
    const preview = await call('preview', {
      name: 'ops/deploy',
      content: 'Only {var.service}\n',
      vars: { service: 'checkout' },
    });
    expect(preview.text).toBe('Only checkout\n');
  });

  it('builds the prompt text the MCP server gives, around the strict render', async () => {
    const { text } = await call('promptText', {
      name: 'ops/deploy',
      vars: { service: 'checkout', token: 'abcd' },
    });
    expect(text).toContain('Namespace shop with abcd.');
    expect(text).toContain('create_runbook_log');
  });

  it('refuses a save over a file changed on disk, handing back the disk version', async () => {
    const opened = await call('read', { name: 'ops/deploy' });
    await rewriteLater(path.join(dir, 'ops/deploy.md'), 'changed outside\n');
    const conflict = await failure('save', {
      name: 'ops/deploy',
      content: 'mine\n',
      baseMtimeMs: opened.mtimeMs,
    });
    expect(conflict.code).toBe('conflict');
    expect(conflict.details[0]).toMatchObject({ diskContent: 'changed outside\n' });
    expect(await fs.readFile(path.join(dir, 'ops/deploy.md'), 'utf8')).toBe('changed outside\n');
  });

  it('creates with starter front matter, deletes to .trash and restores', async () => {
    const created = await call('create', { name: 'ops/restart-redis' });
    expect(created.path).toBe('ops/restart-redis.md');
    expect(created.title).toBe('Restart redis');
    const { trashPath } = await call('delete', { name: 'ops/restart-redis' });
    expect(trashPath).toContain('.trash');
    await expect(fs.stat(path.join(dir, 'ops/restart-redis.md'))).rejects.toThrow();
    const restored = await call('restore', { trashPath });
    expect(restored.name).toBe('ops/restart-redis');
  });

  it('reports info for the settings page', async () => {
    const info = await call('info', {});
    expect(info).toMatchObject({ root: dir, profiles: ['prod'], watch: { state: 'watching' } });
  });
});

describe('env calls', () => {
  const cases = [
    { why: 'valid YAML has no problems', text: 'a:\n  b: 1\n', problems: [] },
    {
      why: 'a bad indent is reported at its line',
      text: 'a:\n  b: 1\n c: 2\n',
      problems: [{ line: 3 }],
    },
    {
      why: 'an unclosed bracket is reported',
      text: 'a: [1, 2\n',
      problems: [{ code: 'invalid-yaml' }],
    },
    {
      why: 'a list at the top is not an env mapping',
      text: '- a\n- b\n',
      problems: [{ code: 'invalid-yaml' }],
    },
    { why: 'an empty file is a valid empty env', text: '', problems: [] },
  ];

  it.each(cases)('validates: $why', async ({ text, problems }) => {
    const found = await call('envValidate', { text });
    expect(found).toHaveLength(problems.length);
    problems.forEach((expected, i) => expect(found[i]).toMatchObject(expected));
  });

  it('reads the file text and the merged mapping', async () => {
    const doc = await call('envRead', {});
    expect(doc).toMatchObject({ file: 'env.yaml', exists: true, text: ENV, problems: [] });
    expect(doc.env).toMatchObject({ deployments: { checkout: { namespace: 'shop' } } });
    const prod = await call('envRead', { profile: 'prod' });
    expect(prod).toMatchObject({
      file: 'env.prod.yaml',
      text: 'x: 1\n',
      env: { x: 1, deployments: {} },
    });
  });

  it('saves valid YAML and the next render sees it at once', async () => {
    const before = await call('envRead', {});
    const text = ENV.replace('namespace: shop', 'namespace: shop-2');
    await call('envSave', { text, baseMtimeMs: before.mtimeMs });
    expect(await fs.readFile(path.join(dir, 'env.yaml'), 'utf8')).toBe(text);
    const preview = await call('preview', { name: 'ops/deploy', vars: { service: 'checkout' } });
    expect(preview.text).toContain('Namespace shop-2');
  });

  it('refuses invalid YAML with its line and column, writing nothing', async () => {
    const error = await failure('envSave', { text: 'a:\n  b: 1\n c: [\n' });
    expect(error.code).toBe('invalid-yaml');
    expect(error.line).toBeGreaterThan(0);
    expect(error.column).toBeGreaterThan(0);
    expect(await fs.readFile(path.join(dir, 'env.yaml'), 'utf8')).toBe(ENV);
  });

  it('never reads or writes an env file that links to outside the folder', async () => {
    const outside = path.join(home, 'credentials.yaml');
    await fs.writeFile(outside, 'aws_secret: hunter2-outside\n');
    await fs.rm(path.join(dir, 'env.prod.yaml'));
    await fs.symlink(outside, path.join(dir, 'env.prod.yaml'));
    const read = await failure('envRead', { profile: 'prod' });
    expect(read.code).toBe('path-escape');
    expect(JSON.stringify(read)).not.toContain('hunter2');
    const save = await failure('envSave', { profile: 'prod', text: 'x: 2\n' });
    expect(save.code).toBe('path-escape');
    expect(await fs.readFile(outside, 'utf8')).toBe('aws_secret: hunter2-outside\n');
  });

  it('validates hostile env text within bounds (the editor sends every keystroke)', async () => {
    const started = Date.now();
    const deep = await call('envValidate', { text: `a: ${'['.repeat(200_000)}\n` });
    const keys = await call('envValidate', { text: `${'? '.repeat(400)}x\n` });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(deep[0]?.message).toMatch(/nest deeper/);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('refuses a save over an env file changed since it was read', async () => {
    const before = await call('envRead', {});
    await rewriteLater(path.join(dir, 'env.yaml'), 'other: 1\n');
    const error = await failure('envSave', { text: 'mine: 1\n', baseMtimeMs: before.mtimeMs });
    expect(error.code).toBe('conflict');
    expect(error.details[0]).toMatchObject({ diskContent: 'other: 1\n' });
  });

  it('refuses a profile name that could leave the folder', async () => {
    const error = await failure('envSave', { profile: '../evil', text: 'a: 1\n' });
    expect(error.code).toBe('invalid-name');
  });
});

describe('client setup calls', () => {
  const configFile = () => path.join(home, '.config', 'Claude', 'claude_desktop_config.json');

  it('plans, installs next to other servers, and uninstalls only its own entry', async () => {
    const original =
      '{\n  "mcpServers": {\n    "other": {\n      "command": "/bin/other",\n      "args": []\n    }\n  }\n}\n';
    await fs.mkdir(path.dirname(configFile()), { recursive: true });
    await fs.writeFile(configFile(), original);
    const [claude] = await call('clientsOverview', {});
    expect(claude?.status).toMatchObject({
      client: 'claude',
      state: 'not-installed',
      otherServers: ['other'],
    });
    expect(claude?.running).toBe(false);
    const plan = await call('clientPlan', { client: 'claude', action: 'install' });
    expect(plan.diff).toContain('+    "runbook"');
    expect(await fs.readFile(configFile(), 'utf8')).toBe(original);
    const result = await call('clientApply', {
      client: 'claude',
      action: 'install',
      expectedBefore: plan.before,
    });
    expect(result.written).toBe(true);
    expect(JSON.parse(await fs.readFile(configFile(), 'utf8'))).toMatchObject({
      mcpServers: { other: { command: '/bin/other' }, runbook: { command: process.execPath } },
    });
    await call('clientApply', { client: 'claude', action: 'uninstall' });
    expect(await fs.readFile(configFile(), 'utf8')).toBe(original);
  });

  it('refuses to write when the file changed since the reviewed plan', async () => {
    const plan = await call('clientPlan', { client: 'cursor', action: 'install' });
    await fs.mkdir(path.join(home, '.cursor'), { recursive: true });
    await fs.writeFile(path.join(home, '.cursor', 'mcp.json'), '{"mcpServers": {}}\n');
    const error = await failure('clientApply', {
      client: 'cursor',
      action: 'install',
      expectedBefore: plan.before,
    });
    expect(error.code).toBe('conflict');
  });

  it('reports a config file that does not parse as invalid, with where', async () => {
    await fs.mkdir(path.dirname(configFile()), { recursive: true });
    await fs.writeFile(configFile(), '{ "mcpServers": { ,, }');
    const [claude] = await call('clientsOverview', {});
    expect(claude?.status.state).toBe('invalid');
    expect(claude?.status.error?.line).toBe(1);
  });

  it('tests a launch that cannot start and says why', async () => {
    const report = await call('clientTest', { client: 'vscode' });
    expect(report.ok).toBe(false);
    expect(report.configured).toBe(false);
  });

  it('starts the tested server with the home of the platform it was given', async () => {
    const script = 'process.stderr.write("HOME=" + process.env.HOME); process.exit(1);';
    await fs.writeFile(path.join(home, 'mcp.js'), script);
    const report = await call('clientTest', { client: 'vscode' });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.stderr).toBe(`HOME=${home}`);
  });
});

describe('settings calls', () => {
  it('writes the keys given and reads them back', async () => {
    const saved = await call('settingsSave', { profile: 'prod', launchAtLogin: true });
    expect(saved).toMatchObject({
      profile: 'prod',
      launchAtLogin: true,
      shortcut: 'CommandOrControl+Shift+R',
    });
    const cleared = await call('settingsSave', { profile: '' });
    expect(cleared.profile).toBeUndefined();
    expect(await call('settingsRead', {})).toMatchObject({ launchAtLogin: true });
  });
});
