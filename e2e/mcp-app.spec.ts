/**
 * The run form as an MCP App, end to end in Chromium: a host built on ext-apps' AppBridge, the real
 * MCP server behind a Node bridge, the view in a sandboxed iframe with no network.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import { builtServerCopy, removeServerCopy } from '../src-mcp/mcp/test-build.js';
import { bridgePageToServer, type ServerBridge } from './mcp-app-bridge.js';
import { ARTIFACTS, SCREENSHOTS_DIR, repoRoot } from './support/paths.js';
import { settled } from './support/settled.js';

const HOST_URL = 'http://mcp-host.test/';
const HOST_SCRIPT = path.join(ARTIFACTS, 'mcp-app-host.js');
const SECRET = 'Zq8-e2e-Token-4417';

/** Colours and fonts as a chat client hands them to a view (hostContext.styles). */
const HOST_THEMES: Record<'light' | 'dark', McpUiHostContext> = {
  light: {
    theme: 'light',
    styles: {
      variables: {
        '--color-background-primary': '#faf9f5',
        '--color-background-secondary': '#f0eee6',
        '--color-text-primary': '#141413',
        '--color-text-secondary': '#5e5d59',
        '--color-border-secondary': '#d1cfc5',
        '--font-sans': 'Georgia, "DejaVu Serif", serif',
      } as NonNullable<McpUiHostContext['styles']>['variables'],
    },
  },
  dark: {
    theme: 'dark',
    styles: {
      variables: {
        '--color-background-primary': '#262624',
        '--color-background-secondary': '#1f1e1d',
        '--color-text-primary': '#faf9f5',
        '--color-text-secondary': '#c2c0b6',
        '--color-border-secondary': '#4a4945',
        '--font-sans': 'Georgia, "DejaVu Serif", serif',
      } as NonNullable<McpUiHostContext['styles']>['variables'],
    },
  },
};

let entry: string;
let temp: string;
let server: ServerBridge | undefined;
const requests: string[] = [];

test.beforeAll(async () => {
  entry = await builtServerCopy();
  await build({
    entryPoints: [path.join(repoRoot, 'e2e/mcp-app-host.ts')],
    outfile: HOST_SCRIPT,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
});
test.afterAll(() => removeServerCopy(entry));

test.beforeEach(async ({ page }) => {
  temp = await fs.mkdtemp(path.join(os.tmpdir(), 'rbc-mcp-app-'));
  const dir = path.join(temp, 'runbooks');
  await fs.cp(path.join(repoRoot, 'runbooks'), dir, { recursive: true });
  await fs.mkdir(path.join(dir, 'ops'), { recursive: true });
  await fs.writeFile(
    path.join(dir, 'ops', 'rotate-token.md'),
    '---\ntitle: Rotate the deploy token\nvariables:\n  token: { secret: true, description: The new deploy token }\n---\ncurl -H "Authorization: Bearer {var.token}" https://deploy.internal/rotate\n',
  );
  await fs.mkdir(path.join(temp, 'data'));
  requests.length = 0;
  page.on('request', (request) => requests.push(request.url()));
  await page.route(`${HOST_URL}**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/host.js')
      return route.fulfill({ path: HOST_SCRIPT, contentType: 'text/javascript' });
    return route.fulfill({ body: HOST_PAGE, contentType: 'text/html' });
  });
  server = await bridgePageToServer(page, entry, {
    dir,
    logs: path.join(temp, 'logs'),
    data: path.join(temp, 'data'),
  });
  await page.setViewportSize({ width: 760, height: 900 });
  await page.goto(HOST_URL);
});

test.afterEach(async () => {
  await server?.stop();
  await fs.rm(temp, { recursive: true, force: true });
});

const HOST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Test host</title>
<style>
  body { margin: 0; font: 15px system-ui, sans-serif; }
  body.light { background: #faf9f5; color: #141413; } body.dark { background: #262624; color: #faf9f5; }
  #chat { width: 720px; padding: 16px 20px; }
  .bubble { margin: 0 0 12px; }
  iframe { display: block; width: 100%; height: 400px; border: 1px solid #8884; border-radius: 12px; }
</style></head>
<body class="light"><div id="chat"><p class="bubble">Run the rolling deploy.</p></div>
<script src="/host.js"></script></body></html>`;

async function openForm(page: Page, runbook: string, theme: 'light' | 'dark' = 'light') {
  await page.evaluate((t) => (document.body.className = t), theme);
  await page.evaluate(([name, context]) => window.openForm(name, context), [
    runbook,
    HOST_THEMES[theme],
  ] as const);
  return page.frameLocator('iframe[title="Run form"]');
}

const sentTexts = (page: Page) =>
  page.evaluate(() =>
    window.sentMessages.map((m) =>
      m.content.map((c) => (c.type === 'text' ? c.text : '')).join(''),
    ),
  );

test('fills the form, previews it live and sends the rendered runbook to the host', async ({
  page,
}) => {
  const view = await openForm(page, 'rolling-deploy');
  await expect(view.getByRole('heading', { name: 'Rolling deploy of a service' })).toBeVisible();
  await expect(view.getByText('Ship a new image version')).toBeVisible();

  // One field per variable: choices are a select, a default is filled in, descriptions shown.
  const service = view.locator('#var-service');
  await expect(service).toHaveJSProperty('tagName', 'SELECT');
  await expect(service.locator('option')).toHaveText(['Choose…', 'checkout', 'payments']);
  await expect(view.locator('#var-max_unavailable')).toHaveValue('1');
  await expect(view.getByText('Image tag to roll out')).toBeVisible();

  const preview = view.getByLabel('Rendered preview');
  await expect(preview.locator('mark.unresolved').first()).toBeVisible();
  await expect(view.getByText(/Needs a value: .*service/)).toBeVisible();
  const send = view.getByRole('button', { name: 'Send to Claude' });
  await expect(send).toBeDisabled();

  await service.selectOption('payments');
  await view.locator('#var-version').fill('2024.06.1');
  await expect(preview).toContainText('payments=registry.example.com/acme/payments-api:2024.06.1');
  await expect(preview.locator('mark.unresolved')).toHaveCount(0);
  await expect(preview).toContainText('Cluster **staging-eu1**');
  await expect(send).toBeEnabled();

  await send.click();
  await expect.poll(() => sentTexts(page)).toHaveLength(1);
  const [sent] = await sentTexts(page);
  // Exactly what the get_runbook_as_prompt prompt gives for the same values.
  const prompt = await page.evaluate(() =>
    window.promptText({
      runbook_search_keyword: 'deploy/rolling-deploy',
      vars: 'service=payments,version=2024.06.1,max_unavailable=1',
    }),
  );
  // Each render starts its own run: the same words but for the run id.
  const runIdOf = (text: string) => /run_id "([A-Za-z0-9_-]{10})"/.exec(text)?.[1] ?? '?';
  expect(sent?.replaceAll(runIdOf(sent), 'RUN_ID')).toBe(
    prompt.replaceAll(runIdOf(prompt), 'RUN_ID'),
  );
  expect(sent).toContain('Carry out the runbook "deploy/rolling-deploy" below');
  expect(sent).toContain('<runbook name="deploy/rolling-deploy">');
  expect(sent).toContain('payments=registry.example.com/acme/payments-api:2024.06.1');
  await expect(view.getByText('Sent to the conversation.')).toBeVisible();

  // The profile picker re-renders from env.production.yaml.
  await view.getByLabel('Env profile').selectOption('production');
  await expect(preview).toContainText('Cluster **prod-eu1**');
  await send.click();
  await expect.poll(() => sentTexts(page)).toHaveLength(2);
  expect((await sentTexts(page))[1]).toContain('Cluster **prod-eu1**');

  // No network: every request went to the host page itself.
  expect(requests.filter((url) => !url.startsWith(HOST_URL))).toEqual([]);
});

test('a secret is a password field, masked in the preview, and sent only in the message', async ({
  page,
}) => {
  const view = await openForm(page, 'ops/rotate-token');
  const token = view.locator('#var-token');
  await expect(token).toHaveAttribute('type', 'password');
  await token.fill(SECRET);
  const preview = view.getByLabel('Rendered preview');
  await expect(preview).toContainText('Bearer ••••••••');
  await expect(preview).not.toContainText(SECRET);
  await view.getByRole('button', { name: 'Send to Claude' }).click();
  await expect.poll(() => sentTexts(page)).toHaveLength(1);
  expect((await sentTexts(page))[0]).toContain(`Bearer ${SECRET}`);
});

for (const theme of ['light', 'dark'] as const) {
  test(`follows the host's ${theme} theme and fonts (screenshot)`, async ({ page }) => {
    const view = await openForm(page, 'rolling-deploy', theme);
    await view.locator('#var-service').selectOption('checkout');
    await expect(view.getByLabel('Rendered preview')).toContainText('deploy/checkout');
    const body = view.locator('body');
    const expectedBg = theme === 'light' ? 'rgb(250, 249, 245)' : 'rgb(38, 38, 36)';
    await expect(body).toHaveCSS('background-color', expectedBg);
    await expect(view.locator('.run-form')).toHaveCSS('font-family', /Georgia/);
    await settled(page);
    await page
      .locator('#chat')
      .screenshot({ path: path.join(SCREENSHOTS_DIR, `mcp-app-${theme}.png`) });
  });
}
