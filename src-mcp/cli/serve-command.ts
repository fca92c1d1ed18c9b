import { spawn } from 'node:child_process';
import path from 'node:path';
import { startWebHost } from '../api/web-host.js';
import { RunbookError } from '../engine/errors.js';
import { packageRoot } from '../engine/paths.js';
import { folderOptions, stringOption, type CliCommand, type CliIo } from './command.js';
import { engineFromOptions } from './engine-options.js';

/** `runbook serve`: the app in a browser, on 127.0.0.1 only, until Ctrl+C. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary:
    'Open the app in your browser (served on 127.0.0.1 only, behind a link with a per-session token).',
  usage:
    'runbook serve [--dir D] [--logs D] [--profile P] [--port P] [--open] [--claude-config PATH]',
  options: {
    ...folderOptions,
    port: { type: 'string' },
    open: { type: 'boolean' },
    'claude-config': { type: 'string' },
  },
  async run({ values, io }) {
    const port = parsePort(stringOption(values, 'port'));
    const engine = engineFromOptions(values, io);
    const claudeConfig = stringOption(values, 'claude-config') ?? io.env.RUNBOOK_CLAUDE_CONFIG;
    const host = await startWebHost({
      engine,
      port,
      rendererDir: io.env.RUNBOOK_RENDERER_DIR ?? path.join(packageRoot(), 'dist', 'renderer'),
      claude: claudeConfig ? { configPaths: { claude: path.resolve(io.cwd, claudeConfig) } } : {},
    });
    io.stdout(`Runbook Companion: ${host.url}\n`);
    io.stderr(`Serving ${engine.root} on ${host.origin} (Ctrl+C stops).\n`);
    if (values.open === true) openInBrowser(host.url, io);
    await untilStopped();
    await host.close();
    return 0;
  },
};

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RunbookError('invalid-argument', `"${text}" is not a port number.`, {
      key: '--port',
      fix: 'Give a number from 1 to 65535, or leave --port out to take any free port.',
    });
  }
  return port;
}

function openInBrowser(url: string, io: CliIo): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => io.stderr('Could not open a browser; open the link above yourself.\n'));
  child.unref();
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
