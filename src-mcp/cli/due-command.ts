/** `runbook due [--json]`: scheduled runbooks whose last log is older than their period, or never ran. */
import { describeDue, listDueRunbooks } from '../engine/schedule-due.js';
import { folderOptions, type CliCommand } from './command.js';
import { engineFromOptions } from './engine-options.js';
import { writeJson } from './report.js';

export const dueCommand: CliCommand = {
  name: 'due',
  summary:
    'List the scheduled runbooks that are due: last run longer ago than their schedule, or never.',
  usage: 'runbook due [--json] [--logs L] [--dir D]',
  options: { ...folderOptions, json: { type: 'boolean' } },
  async run({ values, io }) {
    const engine = engineFromOptions(values, io);
    const due = await listDueRunbooks(engine);
    if (values.json) writeJson(io, due);
    else for (const d of due) io.stdout(`${describeDue(d)}\n`);
    if (due.length === 0) io.stderr(`runbook: nothing is due (logs in ${engine.logsDir})\n`);
    return 0;
  },
};
