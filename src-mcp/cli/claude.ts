import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunbookError } from '../engine/errors.js';
import { clientSpec, isClientId } from '../clients/clients.js';
import type { ClientId } from '../clients/client-spec.js';
import { configStatus, type ConfigStatus } from '../clients/config-status.js';
import type { ConfigTarget } from '../clients/config-model.js';
import { describeChange, describeConnection, describeStatus } from '../clients/describe.js';
import { install, uninstall } from '../clients/install.js';
import {
  foldersOfLaunch,
  launchFromEntry,
  preferredLaunch,
  type LaunchFolders,
  type ServerLaunch,
} from '../clients/launch.js';
import type { PlatformContext } from '../clients/platform.js';
import { QUIT_CLAUDE_FIRST, detectRunningClaudeDesktop } from '../clients/running-client.js';
import { testConnection } from '../clients/test-connection.js';
import {
  stringOption,
  type CliCommand,
  type CliIo,
  type CommandContext,
  type OptionValues,
} from './command.js';
import { resolveRunbookDir } from './engine-options.js';
import { writeJson } from './report.js';

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

async function showStatus(target: ConfigTarget, values: OptionValues, io: CliIo): Promise<number> {
  const found = await configStatus(target);
  // Without --dir, judge the entry against its own folder: "outdated" should mean the launch
  // (node, the built entry) moved, not that a different folder is set in the app.
  const folders = stringOption(values, 'dir')
    ? await launchFolders(values, io)
    : installedFolders(found);
  const status = folders
    ? await configStatus({ ...target, launch: preferredLaunch(folders, target.platform) })
    : found;
  if (values.json) writeJson(io, status);
  else io.stdout(`${describeStatus(status).join('\n')}\n`);
  if (status.state === 'invalid') throw invalidFile(status);
  // A missing node or script fails only inside Claude Desktop's logs: make scripts notice here.
  return status.problems.length > 0 ? 1 : 0;
}

async function runInstall(target: ConfigTarget, values: OptionValues, io: CliIo): Promise<number> {
  const replaceLegacy = values['replace-legacy'] === true;
  // An invalid file is refused by install itself, with the entry to add by hand.
  const before = await configStatus(target);
  const folders = await foldersForInstall(values, io, before);
  await warnIfClaudeRuns(target.client, io);
  const result = await install({
    ...target,
    launch: preferredLaunch(folders, target.platform),
    replaceLegacy,
    force: values.force === true,
  });
  if (values.json) {
    writeJson(io, { ...result, notes: folders.notes });
    return 0;
  }
  io.stdout(`${[...folders.notes, ...describeChange(result)].join('\n')}\n`);
  if (result.written) io.stdout(`Check it with: ${testCommand(target)}\n`);
  return 0;
}

async function runUninstall(
  target: ConfigTarget,
  values: OptionValues,
  io: CliIo,
): Promise<number> {
  await warnIfClaudeRuns(target.client, io);
  const result = await uninstall(target);
  if (values.json) writeJson(io, result);
  else io.stdout(`${describeChange(result).join('\n')}\n`);
  return 0;
}

async function runTest(target: ConfigTarget, values: OptionValues, io: CliIo): Promise<number> {
  const status = await configStatus(target);
  if (status.state === 'invalid') throw invalidFile(status);
  const configured = ownLaunch(status);
  const launch = configured ?? preferredLaunch(await launchFolders(values, io), target.platform);
  const report = await testConnection(launch);
  // A missing node or script, or a bare command, fails in Claude Desktop even if it starts here.
  const problems = configured ? status.problems : [];
  const ok = report.ok && problems.length === 0;
  if (values.json) {
    writeJson(io, { launch, configured: configured !== undefined, problems, ...report });
    return ok ? 0 : 1;
  }
  const what = configured
    ? `the "${status.name}" entry of ${status.configPath}`
    : 'what install would write (not installed yet)';
  io.stdout(`Testing ${what}:\n  ${[launch.command, ...launch.args].join(' ')}\n`);
  const text = `${describeConnection(report).join('\n')}\n`;
  if (ok) {
    const hint = clientSpec(status.client).restartHint;
    io.stdout(`${text}Restart ${status.label} to load it: ${hint}\n`);
    return 0;
  }
  const advice = problems.map((problem) => `problem: ${problem}\n`).join('');
  io.stderr(`${text}${advice}${advice ? 'Run install to write an entry that starts.\n' : ''}`);
  return 1;
}

interface ChosenFolders extends LaunchFolders {
  notes: string[];
}

async function launchFolders(values: OptionValues, io: CliIo): Promise<ChosenFolders> {
  return { dir: await resolveRunbookDir(values, io), logsDir: logsOption(values, io), notes: [] };
}

function logsOption(values: OptionValues, io: CliIo): string | undefined {
  const logs = stringOption(values, 'logs');
  return logs ? path.resolve(io.cwd, logs) : undefined;
}

/**
 * Beside (or instead of) the earlier tool, serve its folders, unless --dir/--logs say otherwise:
 * the bundled examples would put a second server with the same tools on a folder nobody uses.
 */
async function foldersForInstall(
  values: OptionValues,
  io: CliIo,
  before: ConfigStatus,
): Promise<ChosenFolders> {
  const legacy = before.legacy.find((found) => found.runbooksDir ?? found.logsDir);
  const legacyDir = stringOption(values, 'dir') ? undefined : legacy?.runbooksDir;
  const legacyLogs = stringOption(values, 'logs') ? undefined : legacy?.logsDir;
  const notes: string[] = [];
  let dir: string;
  if (legacyDir && existsSync(legacyDir)) {
    dir = legacyDir;
    notes.push(
      `Taking over the earlier tool's runbook folder ${legacyDir} (--dir chooses another).`,
    );
  } else {
    if (legacyDir)
      notes.push(
        `The earlier tool's runbook folder ${legacyDir} does not exist; not taking it over.`,
      );
    dir = await resolveRunbookDir(values, io);
  }
  if (legacyLogs) notes.push(`Taking over its logs folder ${legacyLogs} (--logs chooses another).`);
  return { dir, logsDir: legacyLogs ?? logsOption(values, io), notes };
}

function installedFolders(status: ConfigStatus): LaunchFolders | undefined {
  const launch = ownLaunch(status);
  return launch ? foldersOfLaunch(launch) : undefined;
}

/** The entry's launch when it is ours; another program's entry is neither tested nor compared. */
function ownLaunch(status: ConfigStatus): ServerLaunch | undefined {
  const theirs = status.state === 'legacy' || status.state === 'foreign';
  return theirs ? undefined : launchFromEntry(status.current);
}

async function warnIfClaudeRuns(client: ClientId | undefined, io: CliIo): Promise<void> {
  if ((client ?? 'claude') !== 'claude') return;
  if (await detectRunningClaudeDesktop())
    io.stderr(`runbook: warning: Claude Desktop is running. ${QUIT_CLAUDE_FIRST}\n`);
}

function testCommand(target: ConfigTarget): string {
  const client = target.client && target.client !== 'claude' ? ` --client ${target.client}` : '';
  const name = target.name ? ` --name ${JSON.stringify(target.name)}` : '';
  const config = target.configPath ? ` --config ${JSON.stringify(target.configPath)}` : '';
  return `runbook claude test${client}${name}${config}`;
}

function invalidFile(status: ConfigStatus): RunbookError {
  const error = status.error;
  return new RunbookError('invalid-json', error?.message ?? 'The config file is not valid.', {
    file: error?.file ?? status.configPath,
    line: error?.line,
    column: error?.column,
    key: error?.key,
    fix: error?.fix,
  });
}
