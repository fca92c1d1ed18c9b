// `npm start`: the tray app on Electron. Where the Electron binary is missing and cannot be
// downloaded, say so in one line and start the web host instead (`runbook serve --open`).
// Arguments after `npm start --` go to the app (or to `serve`, e.g. `--dir ~/runbooks`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * `require('electron')` from Node returns the binary's path, downloading it on first use. It runs
 * in a child whose output is kept, so a failed download prints one line here, not a stack.
 */
function locateElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  });
  const binary = probe.stdout.trim();
  if (probe.status === 0 && binary && existsSync(binary)) return { binary };
  const said = `${probe.stderr}\n${probe.stdout}`.match(/Electron failed to install correctly/);
  const reason = said
    ? said[0]
    : binary
      ? `no Electron binary at ${binary}`
      : 'Electron could not be loaded';
  return { reason };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    process.stderr.write(`start: could not run ${command}: ${error.message}\n`);
    process.exit(1);
  });
}

const electron = locateElectron();
if (electron.binary) {
  run(electron.binary, [root, ...args]);
} else {
  process.stdout.write(
    `Electron binary not available (${electron.reason}); starting the web host instead.\n`,
  );
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    process.stderr.write('start: dist/cli.js is missing; run `npm run build` first.\n');
    process.exit(1);
  }
  run(process.execPath, [cli, 'serve', '--open', ...args]);
}
