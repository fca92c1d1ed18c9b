import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';

test.beforeEach(async ({ ui }) => {
  await ui.goTo('Claude & clients');
});

test('install shows the diff first, then writes only our entry into a temp config', async ({
  ui,
  app,
}) => {
  await fs.mkdir(path.dirname(app.claudeConfig), { recursive: true });
  const original =
    '{\n  "mcpServers": {\n    "github": {\n      "command": "/usr/bin/gh-mcp",\n      "args": []\n    }\n  }\n}\n';
  await fs.writeFile(app.claudeConfig, original);
  await ui.page.reload();
  const card = ui.claude.card('Claude Desktop');
  await expect(card).toContainText(app.claudeConfig);
  await expect(card).toContainText('Not installed');
  await expect(card).toContainText('Other servers, left as they are: github');

  await card.getByRole('button', { name: 'Install…' }).click();
  const plan = ui.claude.plan('Claude Desktop');
  await expect(plan).toContainText('+    "runbook": {');
  expect(await fs.readFile(app.claudeConfig, 'utf8')).toBe(original);

  await plan.getByRole('button', { name: 'Write to config' }).click();
  await expect(card).toContainText('Installed');
  const written = JSON.parse(await fs.readFile(app.claudeConfig, 'utf8')) as {
    mcpServers: Record<string, { command: string; args: string[] }>;
  };
  expect(written.mcpServers.github?.command).toBe('/usr/bin/gh-mcp');
  expect(written.mcpServers.runbook?.args).toContain(app.folder);
  const backups = (await fs.readdir(path.dirname(app.claudeConfig))).filter((f) =>
    f.includes('.bak-'),
  );
  expect(backups).toHaveLength(1);

  await card.getByRole('button', { name: 'Uninstall…' }).click();
  await ui.claude.plan('Claude Desktop').getByRole('button', { name: 'Remove entry' }).click();
  await expect(card).toContainText('Not installed');
  expect(await fs.readFile(app.claudeConfig, 'utf8')).toBe(original);
});

test('an entry of another program under "runbook" is left alone; ours goes under another name', async ({
  ui,
  app,
}) => {
  await fs.mkdir(path.dirname(app.claudeConfig), { recursive: true });
  const theirs = { command: '/opt/other/runbook-server', args: ['--stdio'] };
  const original = `${JSON.stringify({ mcpServers: { runbook: theirs } }, null, 2)}\n`;
  await fs.writeFile(app.claudeConfig, original);
  await ui.page.reload();
  const card = ui.claude.card('Claude Desktop');
  await expect(card).toContainText('Name taken');
  await expect(card).toContainText(
    '"runbook" belongs to something else: it runs /opt/other/runbook-server --stdio',
  );
  await expect(card.getByRole('button', { name: 'Install…' })).toHaveCount(0);

  await card.getByLabel('Other name').fill('runbook-companion');
  await card.getByRole('button', { name: 'Install as "runbook-companion"…' }).click();
  const plan = ui.claude.plan('Claude Desktop');
  await expect(plan).toContainText('+    "runbook-companion": {');
  await plan.getByRole('button', { name: 'Write to config' }).click();
  await expect(card).toContainText('Installed');
  const written = JSON.parse(await fs.readFile(app.claudeConfig, 'utf8')) as {
    mcpServers: Record<string, unknown>;
  };
  expect(written.mcpServers.runbook).toEqual(theirs);

  await card.getByRole('button', { name: 'Uninstall…' }).click();
  await ui.claude.plan('Claude Desktop').getByRole('button', { name: 'Remove entry' }).click();
  await expect(card).toContainText('Name taken');
  expect(await fs.readFile(app.claudeConfig, 'utf8')).toBe(original);
});

test('test connection starts the server and reports what it offers, or why it did not start', async ({
  ui,
}) => {
  const card = ui.claude.card('Claude Desktop');
  await card.getByRole('button', { name: 'Test connection' }).click();
  const result = card.getByRole('status');
  await expect(result).toContainText(/Connected to .+ tools|The server did not start/s, {
    timeout: 15_000,
  });
  await expect(result).toContainText('mcp.js');
});

test('an unreadable config file is shown as such and offered no write', async ({ ui, app }) => {
  await fs.mkdir(path.dirname(app.claudeConfig), { recursive: true });
  await fs.writeFile(app.claudeConfig, '{ "mcpServers": { "a": 1, } ');
  await ui.page.reload();
  const card = ui.claude.card('Claude Desktop');
  await expect(card).toContainText('Unreadable file');
  await expect(card.getByRole('alert')).toContainText('claude_desktop_config.json:1');
  await expect(card.getByRole('button', { name: /Install/ })).toHaveCount(0);
});

test('Cursor and VS Code are offered too, at their own config files', async ({ ui, app }) => {
  await expect(ui.claude.card('Cursor')).toContainText(path.join(app.home, '.cursor', 'mcp.json'));
  await expect(ui.claude.card('VS Code')).toContainText(
    path.join(app.home, '.config', 'Code', 'User', 'mcp.json'),
  );
});

test('the Claude Desktop card offers the .mcpb extension when the app has one, with its path to copy', async ({
  ui,
  app,
}) => {
  const card = ui.claude.card('Claude Desktop');
  await expect(card).toContainText('Not installed');
  await expect(card.getByText('Claude Desktop extension')).toHaveCount(0);
  const file = path.join(app.home, 'runbook-companion.mcpb');
  await fs.mkdir(app.home, { recursive: true });
  await fs.writeFile(file, 'a stand-in for the packed extension');
  await ui.page.reload();
  await expect(card.getByText('Or install it as a Claude Desktop extension')).toBeVisible();
  await expect(card).toContainText(app.home);
  await card.getByRole('button', { name: 'Copy its path' }).click();
  expect(await ui.page.evaluate(() => navigator.clipboard.readText())).toBe(file);
  // Cursor and VS Code take no .mcpb.
  await expect(ui.claude.card('Cursor').getByText('Claude Desktop extension')).toHaveCount(0);
});
