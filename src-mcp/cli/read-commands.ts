import { RunbookError } from '../engine/errors.js';
import { describeCopies, describeSearchPage, nextOffset } from '../engine/search-summary.js';
import type { SearchHit, SearchPage } from '../engine/types.js';
import { folderOptions, stringOption, type CliCommand, type OptionValues } from './command.js';
import { engineFromOptions } from './engine-options.js';
import { valuesFromLog } from './from-log.js';
import { writeJson } from './report.js';
import { parseAssignment, parseVarList } from '../engine/var-list.js';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the runbooks in the folder.',
  usage: 'runbook list [--json] [--dir D]',
  options: { ...folderOptions, json: { type: 'boolean' } },
  async run({ values, io }) {
    const runbooks = await engineFromOptions(values, io).list();
    if (values.json) {
      writeJson(io, runbooks);
      return 0;
    }
    const width = Math.min(48, Math.max(4, ...runbooks.map((r) => r.name.length)));
    for (const r of runbooks) {
      const vars = r.variables.length ? `  [${r.variables.map((v) => v.name).join(', ')}]` : '';
      io.stdout(`${r.name.padEnd(width)}  ${r.title}${vars}\n`);
    }
    // Problems go to stderr so `runbook list | …` still gets only the runbooks.
    for (const p of runbooks.flatMap((r) => r.problems)) {
      const at = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
      io.stderr(`runbook list: ${p.severity}: ${at ? `${at}: ` : ''}${p.message}\n`);
    }
    return 0;
  },
};

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search runbooks (ranked, with snippets); the count goes to stderr.',
  usage: 'runbook search <query> [--limit N] [--offset N] [--json] [--dir D]',
  options: {
    ...folderOptions,
    json: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  async run({ positionals, values, io }) {
    const query = positionals.join(' ').trim();
    if (!query) throw usageError('search needs a query', 'runbook search "etcd backup"');
    const limit = wholeNumberOption(values, 'limit', 10, 1);
    const offset = wholeNumberOption(values, 'offset', 0, 0);
    const page = await engineFromOptions(values, io).searchPage(query, { limit, offset });
    // --json stays the array of hits it always was; the count is for people, on stderr.
    if (values.json) writeJson(io, page.hits);
    else for (const hit of page.hits) io.stdout(formatHit(hit));
    if (page.total === 0) io.stderr(`runbook: no runbook matches ${JSON.stringify(query)}\n`);
    else io.stderr(`runbook: ${describeSearchPage(page)}${moreHint(page)}\n`);
    return 0;
  },
};

function formatHit(hit: SearchHit): string {
  const copies = describeCopies(hit);
  const copiesLine = copies ? `    ${copies}\n` : '';
  return `${hit.name}  (${hit.score.toFixed(2)})  ${hit.title}\n${copiesLine}    ${hit.snippet}\n`;
}

function moreHint(page: SearchPage): string {
  const next = nextOffset(page);
  return next === undefined ? '' : ` (--offset ${next} for more)`;
}

function wholeNumberOption(
  values: OptionValues,
  name: string,
  fallback: number,
  min: number,
): number {
  const value = Number(stringOption(values, name) ?? fallback);
  if (!Number.isInteger(value) || value < min)
    throw usageError(
      `--${name} must be a whole number of at least ${min}`,
      `runbook search redis --${name} ${Math.max(min, 5)}`,
    );
  return value;
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Print a runbook with its placeholders filled in.',
  usage:
    'runbook render <name> [--var k=v]... [--vars k=v,k2=v2] [--from-log ID] [--profile P] [--dir D]',
  options: {
    ...folderOptions,
    var: { type: 'string', multiple: true },
    vars: { type: 'string' },
    'from-log': { type: 'string' },
  },
  async run({ positionals, values, io }) {
    const name = requireName(positionals, 'render');
    const engine = engineFromOptions(values, io);
    const fromLog = stringOption(values, 'from-log');
    const logged = await valuesFromLog(engine, name, fromLog, collectVars(values), io);
    const text = await engine.render(name, {
      vars: logged.vars,
      profile: stringOption(values, 'profile') ?? logged.profile,
    });
    io.stdout(text);
    return 0;
  },
};

export const varsCommand: CliCommand = {
  name: 'vars',
  summary: "Show a runbook's variables.",
  usage: 'runbook vars <name> [--json] [--dir D]',
  options: { ...folderOptions, json: { type: 'boolean' } },
  async run({ positionals, values, io }) {
    const variables = await engineFromOptions(values, io).variables(
      requireName(positionals, 'vars'),
    );
    if (values.json) {
      writeJson(io, variables);
      return 0;
    }
    for (const v of variables) {
      const flags = [
        v.required ? 'required' : 'optional',
        v.secret ? 'secret' : '',
        v.default !== undefined ? `default ${JSON.stringify(v.default)}` : '',
        v.choices ? `one of ${v.choices.join('|')}` : '',
      ];
      io.stdout(
        `${v.name}  (${flags.filter(Boolean).join(', ')})${v.description ? `  ${v.description}` : ''}\n`,
      );
    }
    return 0;
  },
};

export const logsCommand: CliCommand = {
  name: 'logs',
  summary: 'List the execution logs of a runbook, newest first (or print one).',
  usage: 'runbook logs <name> [<log id>] [--json] [--logs L] [--dir D]',
  options: { ...folderOptions, json: { type: 'boolean' } },
  async run({ positionals, values, io }) {
    const engine = engineFromOptions(values, io);
    const name = requireName(positionals, 'logs');
    const id = positionals[1];
    if (id && values.json) {
      const text = await engine.readLog(name, id);
      const receipt = (await engine.logReceipt(name, id)) ?? null;
      writeJson(io, { id, runbook: name, receipt, text });
      return 0;
    }
    if (id) {
      io.stdout(await engine.readLog(name, id));
      return 0;
    }
    const entries = await engine.listLogs(name);
    if (values.json) writeJson(io, entries);
    else if (entries.length === 0) io.stderr(`runbook: no logs for ${name} in ${engine.logsDir}\n`);
    else for (const e of entries) io.stdout(`${e.createdAt}  ${e.id}  ${e.size} bytes\n`);
    return 0;
  },
};

function collectVars(values: OptionValues): Record<string, string> {
  const vars =
    typeof values.vars === 'string' ? parseVarList(values.vars, { argument: '--vars' }) : {};
  const repeated = Array.isArray(values.var) ? values.var.map(String) : [];
  for (const assignment of repeated) parseAssignment(assignment, '--var', vars);
  return vars;
}

function requireName(positionals: string[], command: string): string {
  const name = positionals[0];
  if (!name)
    throw usageError(`${command} needs a runbook name`, `runbook ${command} deploy/rollback`);
  return name;
}

function usageError(message: string, example: string): RunbookError {
  return new RunbookError('invalid-argument', `${message}.`, { fix: `For example: ${example}` });
}
