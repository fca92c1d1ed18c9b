/**
 * `completion/complete`: runbook names for the compat prompt and the resource template, and for a
 * runbook prompt's variable its choices or the env keys it indexes (deployments, clusters, …).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  CompleteRequestSchema,
  ErrorCode,
  McpError,
  type CompleteResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/engine.js';
import type { RunbookSummary } from '../engine/types.js';
import type { PromptCatalog } from './prompt-catalog.js';
import { COMPAT_PROMPT_NAME } from './prompt-names.js';
import { RUNBOOK_URI_TEMPLATE } from './resources.js';
import { parseVarList } from '../engine/var-list.js';
import { MAX_TYPED_LENGTH, MAX_VALUE_LENGTH } from '../engine/limits.js';
import { isRunbookError } from '../engine/errors.js';
import { envNotLoadedMessage } from '../engine/template-messages.js';
import { envPaths } from '../engine/template.js';

/** The protocol's cap on values in one completion result. */
const MAX_VALUES = 100;

export function registerCompletions(
  server: McpServer,
  engine: Engine,
  catalog: PromptCatalog,
): void {
  server.server.registerCapabilities({ completions: {} });
  server.server.setRequestHandler(CompleteRequestSchema, async (request) => {
    const { ref, argument, context } = request.params;
    checkLength(argument.name, argument.value, MAX_TYPED_LENGTH);
    for (const [name, value] of Object.entries(context?.arguments ?? {}))
      checkLength(name, value, MAX_VALUE_LENGTH);
    if (ref.type === 'ref/resource') {
      return ref.uri === RUNBOOK_URI_TEMPLATE && argument.name === 'name'
        ? complete(await runbookNames(engine, argument.value))
        : complete([]);
    }
    if (ref.type !== 'ref/prompt')
      throw new McpError(ErrorCode.InvalidParams, 'Unknown completion reference.');
    if (ref.name === COMPAT_PROMPT_NAME)
      return complete(
        await compatValues(
          engine,
          catalog,
          argument.name,
          argument.value,
          context?.arguments ?? {},
        ),
      );
    const summary = (await catalog.byPromptName()).get(ref.name);
    if (!summary) throw new McpError(ErrorCode.InvalidParams, `Prompt ${ref.name} not found.`);
    const values = await catalog.valuesFor(summary, argument.name, context?.arguments ?? {});
    if (values.length === 0) await explainEnvFailure(engine, summary, argument.name);
    return complete(matching(values, argument.value));
  });
}

async function compatValues(
  engine: Engine,
  catalog: PromptCatalog,
  argument: string,
  typed: string,
  given: Record<string, string>,
): Promise<string[]> {
  if (argument === 'runbook_search_keyword') return runbookNames(engine, typed);
  if (argument === 'include_last_log') return matching(['true', 'false'], typed);
  if (argument === 'vars' && given.runbook_search_keyword) {
    const summary = await engine.findBest(given.runbook_search_keyword).catch(() => undefined);
    if (summary) return varsValues(engine, catalog, summary, typed);
  }
  return [];
}

/** `vars` is `k=v,k2=v2`: complete the last pair, a variable name or one of its values. */
async function varsValues(
  engine: Engine,
  catalog: PromptCatalog,
  summary: RunbookSummary,
  typed: string,
): Promise<string[]> {
  const comma = typed.lastIndexOf(',');
  const done = typed.slice(0, comma + 1);
  const last = typed.slice(comma + 1);
  const eq = last.indexOf('=');
  if (eq === -1) {
    const named = new Set(done.split(',').map((pair) => pair.split('=')[0]?.trim()));
    const open = summary.variables.map((v) => v.name).filter((name) => !named.has(name));
    return matching(open, last.trim()).map((name) => `${done}${name}=`);
  }
  const variable = last.slice(0, eq).trim();
  const values = await catalog.valuesFor(summary, variable, parseVarsLenient(done));
  if (values.length === 0) await explainEnvFailure(engine, summary, variable);
  return matching(values, last.slice(eq + 1)).map((value) => `${done}${variable}=${value}`);
}

function parseVarsLenient(text: string): Record<string, string> {
  try {
    return parseVarList(text, { trimValues: true });
  } catch {
    return {};
  }
}

/** Names that start with what was typed, then names that contain it, then search hits. */
async function runbookNames(engine: Engine, typed: string): Promise<string[]> {
  const names = (await engine.list()).map((s) => s.name);
  const found = matching(names, typed);
  if (found.length || !typed.trim()) return found;
  return (await engine.search(typed, 20)).map((hit) => hit.name);
}

function matching(values: string[], typed: string): string[] {
  const needle = typed.toLowerCase();
  const starts = values.filter((v) => v.toLowerCase().startsWith(needle));
  const contains = values.filter(
    (v) => !v.toLowerCase().startsWith(needle) && v.toLowerCase().includes(needle),
  );
  return [...starts, ...contains];
}

/** Typed text is matched against every name: past a bound it is refused, not scanned. */
function checkLength(argument: string, value: string, max: number): void {
  if (value.length <= max) return;
  throw new McpError(
    ErrorCode.InvalidParams,
    `Argument ${JSON.stringify(argument.slice(0, 100))} is ${value.length} characters long; the limit is ${max}.`,
  );
}

/**
 * A variable that indexes env.yaml has no suggestions when env.yaml does not load: say that,
 * rather than answer with an empty list that looks like "no such keys".
 */
async function explainEnvFailure(
  engine: Engine,
  summary: RunbookSummary,
  variable: string,
): Promise<void> {
  const failure = await engine.env().then(
    () => undefined,
    (error: unknown) => (isRunbookError(error) ? error : undefined),
  );
  if (!failure) return;
  const texts = await engine.templateTexts(summary.name).catch(() => []);
  const indexes = texts.some((text) =>
    envPaths(text).some((path) =>
      path.some((part) => 'variable' in part && part.variable === variable),
    ),
  );
  if (indexes) throw new McpError(ErrorCode.InvalidParams, envNotLoadedMessage(failure));
}

function complete(values: string[]): CompleteResult {
  return {
    completion: {
      values: values.slice(0, MAX_VALUES),
      total: values.length,
      hasMore: values.length > MAX_VALUES,
    },
  };
}
