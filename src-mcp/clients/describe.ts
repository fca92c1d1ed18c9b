import type { ConfigStatus } from './config-status.js';
import type { ConfigChangePlan, ConfigChangeResult } from './install.js';
import { SUGGESTED_OTHER_NAME } from './install-checks.js';
import type { LegacyEntry } from './legacy.js';
import { entryCommand } from './ownership.js';
import type { ConnectionReport } from './test-connection.js';

/** Plain-text renderings for the terminal (the tray and web UI lay the same data out themselves). */
export function describeStatus(status: ConfigStatus): string[] {
  const lines = [
    `${status.label}: ${status.configPath}${status.fileExists ? '' : ' (does not exist yet)'}`,
  ];
  lines.push(`  "${status.name}": ${describeState(status)}`);
  for (const difference of status.differences) {
    lines.push(
      `    ${difference.field}: ${JSON.stringify(difference.current)} → ${JSON.stringify(difference.expected)}`,
    );
  }
  lines.push(...status.problems.map((problem) => `  problem: ${problem}`));
  lines.push(...status.legacy.map((found) => `  earlier tool: ${describeLegacy(found)}`));
  if (status.otherServers.length > 0)
    lines.push(`  other servers (left alone): ${status.otherServers.join(', ')}`);
  lines.push(
    ...status.alsoFound.map((file) => `  also found: ${file} (use --config to choose it)`),
  );
  return lines;
}

function describeState(status: ConfigStatus): string {
  switch (status.state) {
    case 'installed':
      return 'installed';
    case 'outdated':
      return `installed, but out of date (${status.differences.map((d) => d.field).join(', ')} differ); run install to update`;
    case 'legacy':
      return 'the earlier Python runbook server; install --replace-legacy replaces it';
    case 'foreign':
      return `belongs to something else (it runs ${entryCommand(status.current)}); install --name ${SUGGESTED_OTHER_NAME} installs beside it, --force replaces it`;
    case 'not-installed':
      return 'not installed';
    case 'invalid':
      return `the file cannot be read as a config: ${status.error?.message ?? 'invalid'} (nothing will change it)`;
  }
}

function describeLegacy(found: LegacyEntry): string {
  const head = `"${found.name}" (${[found.command, ...found.args].join(' ')})`;
  if (found.problem) return `${head}; ${found.problem}`;
  const folders = [
    found.runbooksDir && `runbooks ${found.runbooksDir}`,
    found.logsDir && `logs ${found.logsDir}`,
  ].filter(Boolean);
  return folders.length > 0 ? `${head}; ${folders.join(', ')}` : head;
}

export function describeChange(result: ConfigChangePlan | ConfigChangeResult): string[] {
  const lines: string[] = [];
  if (result.diff) lines.push(result.diff.trimEnd());
  const written = 'written' in result && result.written;
  lines.push(
    `${result.label}: ${result.configPath}: ${actionText(result.action, result.name, written)}`,
  );
  if ('backupPath' in result && result.backupPath) lines.push(`Backup: ${result.backupPath}`);
  lines.push(
    ...result.replacesLegacy.map((found) => `Replaced the earlier tool: ${describeLegacy(found)}`),
  );
  lines.push(...result.warnings.map((warning) => `Warning: ${warning}`));
  if (written) lines.push(result.restartHint);
  return lines;
}

function actionText(action: ConfigChangePlan['action'], name: string, written: boolean): string {
  if (action === 'none') return `"${name}" already as it should be; nothing to change.`;
  const verb = {
    create: 'created the file with',
    add: 'added',
    update: 'updated',
    remove: 'removed',
  }[action];
  return written ? `${verb} "${name}".` : `would have ${verb} "${name}".`;
}

export function describeConnection(report: ConnectionReport): string[] {
  if (!report.ok) {
    const stderr = report.stderr.trim();
    return [
      `The server did not start: ${report.error}`,
      ...(stderr ? ['Its stderr:', stderr] : []),
    ];
  }
  return [
    `Connected to ${report.serverName} ${report.serverVersion}.`,
    `  ${report.tools.length} tools: ${report.tools.join(', ')}`,
    `  ${report.prompts.length} prompts: ${report.prompts.slice(0, 20).join(', ')}${report.prompts.length > 20 ? ', …' : ''}`,
  ];
}
