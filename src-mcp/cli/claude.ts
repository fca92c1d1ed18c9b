import os from 'node:os';
import path from 'node:path';
import { RunbookError } from '../engine/errors.js';
import { isClientId } from '../clients/clients.js';
import type { ConfigTarget } from '../clients/config-model.js';
import type { PlatformContext } from '../clients/platform.js';
import {
  stringOption,
  type CliCommand,
  type CliIo,
  type CommandContext,
  type OptionValues,
} from './command.js';
import { runInstall, runTest, runUninstall, showStatus } from './claude-actions.js';

const ACTIONS = ['status', 'install', 'uninstall', 'test'] as const;
type Action = (typeof ACTIONS)[number];

export const claudeCommand: CliCommand = {
  name: 'claude',
  summary:
    'Add this MCP server to Claude Desktop, Cursor or VS Code, check it, test it, or remove it.',
  usage:
    'runbook claude status|install|uninstall|test [--config PATH] [--name runbook] [--dir D] [--logs D] [--client claude|cursor|vscode] [--replace-legacy] [--force] [--json]',
  options: {
    config: { type: 'string' },
    name: { type: 'string' },
    dir: { type: 'string' },
    logs: { type: 'string' },
    client: { type: 'string' },
    'replace-legacy': { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  run: runClaude,
};

async function runClaude({ positionals, values, io }: CommandContext): Promise<number> {
  const action = parseAction(positionals);
  const target = configTarget(values, io);
  if (action === 'status') return showStatus(target, values, io);
  if (action === 'install') return runInstall(target, values, io);
  if (action === 'uninstall') return runUninstall(target, values, io);
  return runTest(target, values, io);
}

function parseAction(positionals: string[]): Action {
  const [action, extra] = positionals;
  const known = ACTIONS.find((candidate) => candidate === action);
  if (known && extra === undefined) return known;
  throw new RunbookError(
    'invalid-argument',
    action ? `Unknown "runbook claude ${positionals.join(' ')}".` : 'Say what to do.',
    {
      fix: `Use one of: ${ACTIONS.map((a) => `runbook claude ${a}`).join(', ')}.`,
    },
  );
}

function configTarget(values: OptionValues, io: CliIo): ConfigTarget {
  const client = stringOption(values, 'client') ?? 'claude';
  if (!isClientId(client)) {
    throw new RunbookError('invalid-argument', `Unknown client "${client}".`, {
      key: '--client',
      fix: 'Use --client claude, --client cursor or --client vscode.',
    });
  }
  const config = stringOption(values, 'config');
  return {
    client,
    name: stringOption(values, 'name'),
    configPath: config ? path.resolve(io.cwd, config) : undefined,
    platform: platformOf(io),
  };
}

/** The invocation's own environment decides home (and so the config files and the installed app). */
function platformOf(io: CliIo): PlatformContext {
  const homedir = io.env.HOME ?? io.env.USERPROFILE ?? os.homedir();
  return { platform: process.platform, homedir, env: io.env };
}
