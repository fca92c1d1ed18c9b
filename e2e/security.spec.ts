import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from './support/serve-process.js';

// Chromium resolves this name to 127.0.0.1: a DNS-rebinding attacker's page, in effect.
const REBIND_HOST = 'rebind.test';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      `--host-resolver-rules=MAP ${REBIND_HOST} 127.0.0.1`,
    ],
  },
});

let serve: ServeProcess;

test.beforeEach(async () => {
  serve = await startServe();
});

test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({ path: testInfo.outputPath('end.png') }).catch(() => undefined);
  await serve.stop();
});

test('without the token the page is refused, and says how to get in', async ({ page }) => {
  const response = await page.goto(serve.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('the link that `runbook serve` printed');
});

test('the printed link logs in once: the token moves to an HttpOnly, SameSite=Strict cookie', async ({
  page,
  context,
}) => {
  await page.goto(serve.url);
  await expect(page.getByRole('tree', { name: 'Runbooks' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  const [cookie] = await context.cookies(serve.origin);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  // A reload lives on the cookie alone.
  const reload = await page.reload();
  expect(reload?.status()).toBe(200);
});

test('a page reached through another host name (DNS rebinding) gets 403, even with the token', async ({
  page,
}) => {
  const response = await page.goto(serve.url.replace('127.0.0.1', REBIND_HOST));
  expect(response?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('is not this server');
});

test('another site cannot call the API from the browser, even with the user logged in', async ({
  page,
}) => {
  await page.goto(serve.url);
  await expect(page.getByRole('tree', { name: 'Runbooks' })).toBeVisible();
  const evil = await startEvilSite(serve.port);
  try {
    await page.goto(evil.url);
    await expect(page.locator('#result')).not.toBeEmpty();
    const result = JSON.parse((await page.locator('#result').textContent()) ?? '{}') as Record<
      string,
      string
    >;
    expect(result.json).toBe('blocked');
    // Cross-Origin-Resource-Policy hides even the opaque answer; either way nothing is readable.
    expect(['blocked', 'opaque']).toContain(result.form);
    // Neither request created anything.
    expect(existsSync(path.join(serve.folder, 'pwned.md'))).toBe(false);
  } finally {
    await evil.close();
  }
});

test('--claude-config points the Claude page at the given file', async ({ page }) => {
  await page.goto(serve.url);
  await page.getByRole('link', { name: 'Claude & clients' }).click();
  await expect(page.getByRole('region', { name: 'Claude Desktop', exact: true })).toContainText(
    serve.claudeConfig,
  );
});

/** A page on another origin that tries to create a runbook through the user's browser. */
async function startEvilSite(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const target = `http://127.0.0.1:${port}/api/call/create`;
  const html = `<!doctype html><pre id="result"></pre><script>
    const body = JSON.stringify({ name: 'pwned', content: 'x' });
    const json = fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })
      .then(() => 'reached', () => 'blocked');
    const form = fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body })
      .then((r) => r.type, () => 'blocked');
    Promise.all([json, form]).then(([json, form]) => {
      document.getElementById('result').textContent = JSON.stringify({ json, form });
    });
  </script>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const evilPort = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${evilPort}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
