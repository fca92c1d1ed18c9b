/** `runbook history NAME [--json]` and `runbook show NAME --at REV`: a runbook's versions in git. */
import { RunbookError } from '../engine/errors.js';
import { runbookAtRevision, runbookHistory } from '../engine/history-runbook.js';
import { folderOptions, stringOption, type CliCommand } from './command.js';
import { engineFromOptions } from './engine-options.js';
import { writeJson } from './report.js';

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'List the git commits that touched a runbook, newest first (renames followed).',
  usage: 'runbook history <name> [--json] [--dir D]',
  options: { ...folderOptions, json: { type: 'boolean' } },
  async run({ positionals, values, io }) {
    const name = requireName(positionals[0], 'history deploy/rollback');
    const history = await runbookHistory(engineFromOptions(values, io), name);
    const entries = history.entries.map(({ hash, date, author, subject }) => ({
      hash,
      date,
      author,
      subject,
    }));
    if (values.json) writeJson(io, entries);
    else
      for (const e of entries)
        io.stdout(`${e.hash.slice(0, 10)}  ${e.date}  ${e.author}  ${e.subject}\n`);
    if (entries.length === 0)
      io.stderr(
        `runbook: ${history.name} has no commits yet: git add and commit it to start its history.\n`,
      );
    return 0;
  },
};

export const showCommand: CliCommand = {
  name: 'show',
  summary:
    'Print a runbook as it was at a git revision (a hash from `runbook history`, a branch or a tag).',
  usage: 'runbook show <name> --at <revision> [--dir D]',
  options: { ...folderOptions, at: { type: 'string' } },
  async run({ positionals, values, io }) {
    const name = requireName(positionals[0], 'show deploy/rollback --at HEAD~1');
    const revision = stringOption(values, 'at');
    if (revision === undefined)
      throw new RunbookError('invalid-argument', 'show needs --at REVISION.', {
        key: '--at',
        fix: `For example: runbook show ${name} --at HEAD~1 (hashes: runbook history ${name}).`,
      });
    const version = await runbookAtRevision(engineFromOptions(values, io), name, revision);
    io.stdout(version.text);
    return 0;
  },
};

function requireName(name: string | undefined, example: string): string {
  if (name) return name;
  throw new RunbookError('invalid-argument', 'A runbook name is needed.', {
    fix: `For example: runbook ${example}`,
  });
}
