import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browsers are never downloaded here. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/test-results',
  globalSetup: './e2e/global-setup.ts',
  // Two shared cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: chromium,
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', testIgnore: ['electron/**', 'screenshots.spec.ts'] },
    // Writes the README's screenshots to docs/screenshots/: `npx playwright test --project screenshots`.
    { name: 'screenshots', testMatch: 'screenshots.spec.ts' },
    // Runs only where an Electron binary exists; the specs skip themselves elsewhere.
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
