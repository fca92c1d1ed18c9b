// `npm test`: build, static checks, unit/integration tests (Vitest), then the browser end-to-end
// tests (Playwright with Debian's Chromium). Ends with one "N passed, N failed, N skipped" line.
import { spawnSync } from 'node:child_process';
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
step('unit and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

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

if (failedSteps.length) process.stderr.write(`\nFailed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
