import path from 'node:path';
import { readSettings } from '../engine/settings.js';
import { runMcpServer } from '../mcp/runbook-server.js';
import { folderOptions, stringOption, type CliCommand } from './command.js';
import { followOutsideLinksSetting, resolveRunbookDir } from './engine-options.js';

/** `runbook mcp`: the same server as `node dist/mcp.js`, which runs this command too. */
export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'Serve the runbooks to an MCP client (Claude Desktop, Cursor, VS Code) over stdio.',
  usage: 'runbook mcp [--dir D] [--logs D] [--profile P] [--no-watch] [--include-last-log]',
  options: {
    ...folderOptions,
    'no-watch': { type: 'boolean' },
    'include-last-log': { type: 'boolean' },
  },
  async run({ values, io }) {
    const dir = await resolveRunbookDir(values, io);
    const logs = stringOption(values, 'logs');
    // Settings are read only when a flag leaves a gap: a broken settings file must not block --dir/--logs use.
    const settings = logs && stringOption(values, 'profile') ? undefined : readSettings();
    await runMcpServer({
      dir,
      logs: logs ? path.resolve(io.cwd, logs) : settings?.logsDir,
      profile: stringOption(values, 'profile') ?? settings?.profile,
      followOutsideLinks: followOutsideLinksSetting(io),
      watch: values['no-watch'] !== true,
      includeLastLog: values['include-last-log'] === true,
    });
    // The client ended the session. Exit now, once the last answers are out: left to itself, the
    // process lingered up to a second on chokidar's own timers after its watcher was closed.
    process.stdout.write('', () => process.exit(0));
    return 0;
  },
};
