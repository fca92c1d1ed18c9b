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
}

/** Underlines env paths that env.yaml cannot fill, with what it has instead. */
export function envPathLint(data: LintData): Extension {
  return linter(
    (view) => [...envDiagnostics(view, data.env()), ...problemDiagnostics(view, data.problems())],
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
