import { parseArgs } from 'node:util';
import { appVersion } from '../engine/app-version.js';
import type { CliCommand, CliIo } from './command.js';
import {
  listCommand,
  logsCommand,
  renderCommand,
  searchCommand,
  varsCommand,
} from './read-commands.js';
import { reportError, USER_ERROR } from './report.js';

/**
 * Every command, in help order. The read commands are loaded with the CLI; the others are loaded
 * when run, so `runbook search` never loads the MCP SDK, the web host or their schemas.
 */
const commandLoaders: readonly [string, () => Promise<CliCommand>][] = [
  ['list', () => Promise.resolve(listCommand)],
  ['search', () => Promise.resolve(searchCommand)],
  ['render', () => Promise.resolve(renderCommand)],
  ['vars', () => Promise.resolve(varsCommand)],
  ['logs', () => Promise.resolve(logsCommand)],
  ['history', async () => (await import('./history-commands.js')).historyCommand],
  ['show', async () => (await import('./history-commands.js')).showCommand],
  ['due', async () => (await import('./due-command.js')).dueCommand],
  ['mcp', async () => (await import('./mcp-command.js')).mcpCommand],
  ['serve', async () => (await import('./serve-command.js')).serveCommand],
  ['claude', async () => (await import('./claude.js')).claudeCommand],
];

function loadCommand(name: string): Promise<CliCommand> | undefined {
  return commandLoaders.find(([known]) => known === name)?.[1]();
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Runs one `runbook …` invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return name ? 0 : USER_ERROR;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${await version()}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`runbook: unknown command ${JSON.stringify(name)}.\n\n${await helpText()}`);
    return USER_ERROR;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    const { positionals, values } = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    return await command.run({ positionals, values, io });
  } catch (error) {
    if (isParseArgsError(error)) {
      io.stderr(`runbook ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return USER_ERROR;
    }
    return reportError(error, io);
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Loads every command: help is the one place that shows them all. */
async function helpText(): Promise<string> {
  const commands = await Promise.all(commandLoaders.map(([, load]) => load()));
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'runbook: keep operational runbooks in a folder and hand them to an AI assistant.',
    '',
    'Commands:',
    ...lines,
    '',
    'The folder: --dir D, else $RUNBOOK_DIR, else the app setting, else the bundled examples.',
    'Errors go to stderr with exit code 2.',
    '',
  ].join('\n');
}

async function version(): Promise<string> {
  return appVersion();
}
