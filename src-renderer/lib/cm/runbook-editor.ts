import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import type { Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { baseEditor } from './base.js';
import { placeholderCompletion, type CompletionData } from './completion.js';
import { envPathLint, type LintData } from './env-lint.js';
import { includeNavigation, placeholderHighlight } from './placeholders.js';

export interface RunbookEditorOptions extends CompletionData, LintData {
  onSave(): void;
  /** Ctrl+click on an include opens the runbook it names. */
  onOpenInclude(name: string): void;
}

/** Markdown with placeholders highlighted, completed from env.yaml, and checked against it. */
export function runbookEditor(options: RunbookEditorOptions): Extension {
  return [
    keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (options.onSave(), true) }]),
    baseEditor(),
    // Front matter is YAML, not a setext heading.
    yamlFrontmatter({ content: markdown() }),
    placeholderHighlight(),
    includeNavigation((name) => options.onOpenInclude(name)),
    placeholderCompletion(options),
    envPathLint(options),
  ];
}
