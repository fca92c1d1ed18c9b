// `npm test`: build, static checks, unit/integration tests (Vitest), then the browser end-to-end
// tests (Playwright with Debian's Chromium). Ends with one "N passed, N failed, N skipped" line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function step(name, command, args) {
  process.stderr.write(`\n=== ${name}: ${[command, ...args].join(' ')}\n`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (run.status !== 0) failedSteps.push(name);
  return run.status === 0;
}

/** Like step, but keeps the output's tail too: the reason a green-looking run failed is in it. */
async function stepKeepingTail(name, command, args) {
  process.stderr.write(`\n=== ${name}: ${[command, ...args].join(' ')}\n`);
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk, out) => {
    out.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
  child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  if (status !== 0) failedSteps.push(name);
  return { ok: status === 0, tail };
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

step('build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('svelte-check', bin('svelte-check'), [
  '--tsconfig',
  './tsconfig.json',
  '--fail-on-warnings',
  '--threshold',
  'warning',
]);
step('lint', bin('eslint'), ['.']);
step('format', bin('prettier'), ['--check', '.']);
// Dead files, exports and dependencies (knip.jsonc names the real entry points).
step('unused code', bin('knip'), []);

const vitestJson = path.join(results, 'vitest.json');
const unit = await stepKeepingTail('unit and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
let unitReport;
if (existsSync(vitestJson)) {
  unitReport = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += unitReport.numPassedTests ?? 0;
  totals.failed += unitReport.numFailedTests ?? 0;
  totals.skipped += (unitReport.numPendingTests ?? 0) + (unitReport.numTodoTests ?? 0);
}
// Vitest also fails a run whose every test passed: a failing hook, an unhandled error. Said
// again at the very end, where a CI log's tail shows it.
const unitWhy = unit.ok || unitReport?.numFailedTests ? '' : whyGreenFailed(unitReport, unit.tail);

if (existsSync(path.join(root, 'playwright.config.ts'))) {
  const pwJson = path.join(results, 'playwright.json');
  const ok = spawnE2e(pwJson);
  if (!ok) failedSteps.push('end-to-end tests');
  if (existsSync(pwJson)) {
    const stats = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    totals.passed += stats.expected ?? 0;
    totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    totals.skipped += stats.skipped ?? 0;
  }
}

function spawnE2e(jsonFile) {
  process.stderr.write('\n=== end-to-end tests: playwright test\n');
  const run = spawnSync(
    bin('playwright'),
    ['test', '--project=web', '--project=electron', '--reporter=list,json'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile },
    },
  );
  return run.status === 0;
}

if (unitWhy) process.stderr.write(`\n=== why the unit and integration tests failed\n${unitWhy}\n`);
if (failedSteps.length) process.stderr.write(`\nFailed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(failedSteps.length || totals.failed ? 1 : 0);

/** The test files Vitest failed outside any test, and the unhandled errors it printed. */
function whyGreenFailed(report, output) {
  const files = (report?.testResults ?? [])
    .filter((file) => file.status === 'failed')
    .map((file) => `${path.relative(root, file.name)}: ${file.message || 'failed'}`);
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const start = plain.indexOf('Unhandled Errors');
  const end = plain.indexOf('Test Files', start);
  const unhandled = start >= 0 ? plain.slice(start, end > start ? end : undefined).trim() : '';
  const lines = [...files, unhandled].filter(Boolean).join('\n');
  return lines.slice(0, 8000) || plain.trim().split('\n').slice(-40).join('\n');
}
