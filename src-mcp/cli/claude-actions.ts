/** The four `runbook claude` actions: status, install, uninstall and test of one client's entry. */
import { clientSpec } from '../clients/clients.js';
import type { ClientId } from '../clients/client-spec.js';
import { configStatus, type ConfigStatus } from '../clients/config-status.js';
import type { ConfigTarget } from '../clients/config-model.js';
import { describeChange, describeConnection, describeStatus } from '../clients/describe.js';
import { install, uninstall } from '../clients/install.js';
import { preferredLaunch } from '../clients/launch.js';
import { QUIT_CLAUDE_FIRST, detectRunningClaudeDesktop } from '../clients/running-client.js';
import { testConnection } from '../clients/test-connection.js';
import { unreadableConfigError } from '../clients/unreadable-config.js';
import type { RunbookError } from '../engine/errors.js';
import { stringOption, type CliIo, type OptionValues } from './command.js';
import { foldersForInstall, installedFolders, launchFolders, ownLaunch } from './claude-folders.js';
import { writeJson } from './report.js';

export async function showStatus(
  target: ConfigTarget,
  values: OptionValues,
  io: CliIo,
): Promise<number> {
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

export async function runInstall(
  target: ConfigTarget,
  values: OptionValues,
  io: CliIo,
): Promise<number> {
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

export async function runUninstall(
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

export async function runTest(
  target: ConfigTarget,
  values: OptionValues,
  io: CliIo,
): Promise<number> {
  const status = await configStatus(target);
  if (status.state === 'invalid') throw invalidFile(status);
  const configured = ownLaunch(status);
  const launch = configured ?? preferredLaunch(await launchFolders(values, io), target.platform);
  const report = await testConnection(launch, { env: io.env });
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
  return unreadableConfigError(status.error, status.configPath);
}
