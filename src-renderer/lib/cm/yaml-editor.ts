import { yaml } from '@codemirror/lang-yaml';
import { linter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { keymap, type EditorView } from '@codemirror/view';
import type { Diagnostic as RunbookDiagnostic } from '../../../src-mcp/engine/types.js';
import { baseEditor } from './base.js';

export interface YamlEditorOptions {
  /** The engine's own check: every YAML error with its line and column. */
  validate(text: string): Promise<RunbookDiagnostic[]>;
  onSave(): void;
}

export function yamlEditor(options: YamlEditorOptions): Extension {
  return [
    keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (options.onSave(), true) }]),
    baseEditor(),
    yaml(),
    linter(
      async (view) =>
        toLint(view, await options.validate(view.state.doc.toString()).catch(() => [])),
      {
        delay: 250,
      },
    ),
  ];
}

function toLint(view: EditorView, problems: RunbookDiagnostic[]): Diagnostic[] {
  const doc = view.state.doc;
  return problems.map((problem) => {
    const line = doc.line(Math.min(Math.max(problem.line ?? 1, 1), doc.lines));
    const from = Math.min(line.from + Math.max((problem.column ?? 1) - 1, 0), line.to);
    return {
      from,
      to: Math.max(from + 1, line.to),
      severity: problem.severity,
      message: problem.message,
    };
  });
}
