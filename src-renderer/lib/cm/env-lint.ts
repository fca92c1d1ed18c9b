import { linter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { isEscaped, scanPlaceholders } from '../../../src-mcp/engine/template-scan.js';
import type { Diagnostic as RunbookDiagnostic, EnvMapping } from '../../../src-mcp/engine/types.js';
import { checkEnvPath } from '../env-paths.js';

export interface LintData {
  env(): EnvMapping;
  /** Front matter problems of the saved file, with their lines. */
  problems(): readonly RunbookDiagnostic[];
  /** The folder's runbook names: an include of another name is underlined. */
  runbookNames?(): readonly string[];
}

/** Underlines env paths that env.yaml cannot fill, with what it has instead. */
export function envPathLint(data: LintData): Extension {
  return linter(
    (view) => [
      ...envDiagnostics(view, data.env()),
      ...includeDiagnostics(view, data.runbookNames?.()),
      ...problemDiagnostics(view, data.problems()),
    ],
    {
      delay: 300,
    },
  );
}

function envDiagnostics(view: EditorView, env: EnvMapping): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const p of scanPlaceholders(view.state.doc.toString())) {
    if (p.kind !== 'env' || !p.path || isEscaped(p)) continue;
    const check = checkEnvPath(env, p.path);
    if (!check.ok)
      found.push({
        from: p.start,
        to: p.end,
        severity: 'error',
        message: check.message,
        source: 'env.yaml',
      });
  }
  return found;
}

/** An include must name a runbook exactly (its path, with or without the extension). */
function includeDiagnostics(view: EditorView, names: readonly string[] | undefined): Diagnostic[] {
  // Until the library has loaded, nothing is known to be missing.
  if (!names?.length) return [];
  const known = new Set(names);
  const found: Diagnostic[] = [];
  for (const p of scanPlaceholders(view.state.doc.toString())) {
    if (p.include === undefined || isEscaped(p)) continue;
    if (known.has(p.include) || known.has(p.include.replace(/\.(md|markdown|txt)$/i, ''))) continue;
    found.push({
      from: p.start,
      to: p.end,
      severity: 'error',
      message: `No runbook is named exactly "${p.include}": use its path in the folder, without the extension.`,
      source: 'include',
    });
  }
  return found;
}

function problemDiagnostics(
  view: EditorView,
  problems: readonly RunbookDiagnostic[],
): Diagnostic[] {
  const doc = view.state.doc;
  return problems.map((problem) => {
    const line = doc.line(Math.min(Math.max(problem.line ?? 1, 1), doc.lines));
    return {
      from: line.from,
      to: line.to,
      severity: problem.severity === 'error' ? 'error' : 'warning',
      message: problem.message,
      source: 'front matter',
    };
  });
}
