/**
 * The UI as a user meets it: `runbook serve` on the folder, Debian's Chromium driven by
 * Playwright. Measures from navigation to a usable library (the first row of the library is
 * painted and the page is free to take a click), the number of elements in the page, and the
 * longest main-thread task while loading, searching and clearing the search (PerformanceObserver
 * `longtask`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { median, round } from './stats.js';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 7;

interface UiRun {
  usable_ms: number;
  /** When Playwright's wait saw the row: it polls 20, 50, 100, 100, then every 500 ms. */
  seen_by_playwright_ms: number;
  elements: number;
  longest_task_load_ms: number;
  /** From the page's input event to the first hit painted, by the page's clock. */
  search_ms: number;
  longest_task_search_ms: number;
  /** From the page's input event (the box emptied) to the library's first row painted again. */
  clear_ms: number;
  longest_task_clear_ms: number;
}

const FIRST_ROW = '[role="tree"][aria-label="Runbooks"] [role="treeitem"]';
const FIRST_HIT = '[role="listbox"][aria-label="Search results"] [role="option"]';

function startServe(
  cliEntry: string,
  dir: string,
  temp: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [cliEntry, 'serve', '--dir', dir, '--logs', path.join(temp, 'logs')],
    {
      env: {
        ...process.env,
        RUNBOOK_RENDERER_DIR: path.join(path.dirname(cliEntry), 'renderer'),
        RUNBOOK_COMPANION_DATA: path.join(temp, 'data'),
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error('runbook serve printed no URL in 60 s')),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`runbook serve exited (${code})`)));
  });
}

/** Long tasks since the last call, longest first. */
async function takeLongest(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as PageClocks;
    const longest = Math.max(0, ...w.__longTasks);
    w.__longTasks = [];
    return longest;
  });
}

interface PageClocks {
  __longTasks: number[];
  /** Epoch ms (the page's high-resolution clock) when the library's first row was painted. */
  __firstRowPainted?: number;
  /** Page ms of the input event that `inputToPainted` waits after, and of the paint it waits for. */
  __inputAt?: number;
  __painted?: number;
  __whenPainted: (selector: string, painted: (at: number) => void) => void;
}

/** Runs in the page before its own scripts. */
function watchThePage(firstRow: string): void {
  const w = window as unknown as PageClocks;
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // Calls `painted` with the page's clock once `selector` matches and the frame that shows it
  // has been drawn (between the next animation frame and the task after it).
  w.__whenPainted = (selector, painted) => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      seen.disconnect();
      requestAnimationFrame(() => setTimeout(() => painted(performance.now())));
    });
    seen.observe(document, { childList: true, subtree: true });
  };
  w.__whenPainted(firstRow, (at) => (w.__firstRowPainted = performance.timeOrigin + at));
}

/**
 * Page milliseconds from the next input event to `selector` painted: Playwright's own waits
 * poll, and would add up to 100 ms (sometimes 500) to a figure this size.
 */
async function inputToPainted(page: Page, selector: string, act: () => Promise<void>) {
  await page.evaluate((want) => {
    const w = window as unknown as PageClocks;
    w.__inputAt = undefined;
    w.__painted = undefined;
    document.addEventListener('input', () => (w.__inputAt ??= performance.now()), {
      capture: true,
      once: true,
    });
    w.__whenPainted(want, (at) => (w.__painted = at));
  }, selector);
  await act();
  const span = await page.waitForFunction(
    () => {
      const w = window as unknown as PageClocks;
      return w.__painted !== undefined && w.__inputAt !== undefined && w.__painted - w.__inputAt;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await span.jsonValue()) as number;
}

/** Milliseconds from `startedAt` (epoch ms, this process's clock) to the first row painted. */
async function firstRowPainted(page: Page, startedAt: number): Promise<number> {
  const painted = await page.waitForFunction(
    () => (window as unknown as PageClocks).__firstRowPainted,
    undefined,
    { polling: 'raf' },
  );
  return ((await painted.jsonValue()) ?? startedAt) - startedAt;
}

async function oneRun(browser: Browser, url: string, query: string): Promise<UiRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watchThePage, FIRST_ROW);
  try {
    const started = performance.now();
    const startedAt = performance.timeOrigin + started;
    await page.goto(url);
    // The first row of the library, a folder or a runbook: something to click.
    const firstRunbook = page.getByRole('tree', { name: 'Runbooks' }).getByRole('treeitem').first();
    await firstRunbook.waitFor({ state: 'visible', timeout: 120_000 });
    const seen = performance.now() - started;
    const usable = await firstRowPainted(page, startedAt);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const longestLoad = await takeLongest(page);
    const search = page.getByRole('combobox', { name: 'Search runbooks' });
    const searchMs = await inputToPainted(page, FIRST_HIT, () => search.fill(query));
    const longestSearch = await takeLongest(page);
    const clearMs = await inputToPainted(page, FIRST_ROW, () => search.fill(''));
    // Let the tree settle: a freeze after the first row shows still counts as a long task.
    await page.waitForTimeout(300);
    return {
      usable_ms: round(usable),
      seen_by_playwright_ms: round(seen),
      elements,
      longest_task_load_ms: round(longestLoad),
      search_ms: round(searchMs),
      longest_task_search_ms: round(longestSearch),
      clear_ms: round(clearMs),
      longest_task_clear_ms: round(await takeLongest(page)),
    };
  } finally {
    await page.close();
  }
}

export async function measureUi(
  cliEntry: string,
  dir: string,
  query: string,
): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM))
    return { skipped: `${CHROMIUM} not installed (apt-get install chromium)` };
  const { chromium } = await import('playwright-core');
  const temp = await mkdtemp(path.join(os.tmpdir(), 'runbook-bench-ui-'));
  const served = await startServe(cliEntry, dir, temp);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    // The first visit waits for the server's first scan: a warm-up, not measured.
    await oneRun(browser, served.url, query);
    const runs: UiRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, served.url, query));
    const med = (key: keyof UiRun): number => round(median(runs.map((r) => r[key])));
    const max = (key: keyof UiRun): number => Math.max(...runs.map((r) => r[key]));
    return {
      usable_ms: { median_ms: med('usable_ms'), runs: runs.map((r) => r.usable_ms) },
      seen_by_playwright_ms: med('seen_by_playwright_ms'),
      elements: max('elements'),
      search_ms: med('search_ms'),
      clear_ms: med('clear_ms'),
      longest_task_ms: {
        load: max('longest_task_load_ms'),
        search: max('longest_task_search_ms'),
        clear: max('longest_task_clear_ms'),
      },
    };
  } finally {
    await browser.close();
    served.child.kill();
    await rm(temp, { recursive: true, force: true });
  }
}
