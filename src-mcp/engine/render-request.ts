import { unloadedEnv } from './env-lookup.js';
import { RunbookError } from './errors.js';
import type { LoadedIncludes } from './include.js';
import type { LoadedEnv } from './env.js';
import { envNotLoadedError, envNotLoadedMessage } from './template-messages.js';
import { envPaths, type TemplateContext } from './template.js';
import type { Diagnostic, Runbook, VariableSpec } from './types.js';

export interface RenderRequest {
  vars?: Record<string, string>;
  /** Overrides the engine's profile for this call. */
  profile?: string;
}

export interface PreviewRequest extends RenderRequest {
  /** Render this text instead of the file (unsaved editor content, front matter allowed). */
  content?: string;
}

export interface PreparedRender {
  context: TemplateContext;
  diagnostics: Diagnostic[];
}

/**
 * Builds the template context for one render: given values over front matter defaults, checked
 * against `choices`; env.yaml is read only when the runbook uses it, so a broken env.yaml
 * affects only the runbooks that need it.
 */
export async function prepareRender(
  runbook: Runbook,
  request: RenderRequest,
  loadEnv: (profile: string | undefined) => Promise<LoadedEnv>,
  options: { lenient?: boolean; included?: LoadedIncludes } = {},
): Promise<PreparedRender> {
  const diagnostics: Diagnostic[] = [...(options.included?.diagnostics ?? [])];
  const vars = withDefaults(runbook.variables, request.vars ?? {});
  for (const problem of choiceProblems(runbook, vars)) {
    if (!options.lenient) throw problem;
    diagnostics.push({
      severity: 'error',
      code: problem.code,
      message: problem.message,
      key: problem.key,
      file: runbook.path,
    });
  }
  let env = {};
  const bodies = [runbook, ...(options.included?.runbooks ?? [])].map((r) => r.body);
  if (bodies.some((body) => envPaths(body).length > 0)) {
    try {
      env = (await loadEnv(request.profile)).env;
    } catch (error) {
      if (!(error instanceof RunbookError)) throw error;
      if (!options.lenient) throw envNotLoadedError(error);
      // Each env placeholder then names the broken file, not a key that only seems missing.
      env = unloadedEnv(envNotLoadedMessage(error));
      diagnostics.push({
        severity: 'error',
        code: error.code,
        message: envNotLoadedError(error).message,
        file: error.file,
        line: error.line,
        column: error.column,
      });
    }
  }
  const context: TemplateContext = {
    vars,
    env,
    file: runbook.path,
    lineOffset: runbook.bodyLine - 1,
    includes: options.included?.bodies,
  };
  return { context, diagnostics };
}

/** Given values win over front matter defaults; an explicit empty value is a value (`--var suffix=`). */
function withDefaults(
  specs: readonly VariableSpec[],
  given: Record<string, string>,
): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const spec of specs) if (spec.default !== undefined) defaults[spec.name] = spec.default;
  return { ...defaults, ...given };
}

function choiceProblems(runbook: Runbook, vars: Record<string, string>): RunbookError[] {
  return runbook.variables
    .filter(
      (spec) =>
        spec.choices && vars[spec.name] !== undefined && !spec.choices.includes(vars[spec.name]!),
    )
    .map(
      (spec) =>
        new RunbookError(
          'invalid-argument',
          `Variable ${spec.name} of ${runbook.name} is ${JSON.stringify(vars[spec.name])}, which is not one of its choices: ${spec.choices!.join(', ')}.`,
          {
            file: runbook.path,
            key: spec.name,
            fix: `Use one of: ${spec.choices!.join(', ')}.`,
          },
        ),
    );
}
