import { RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { isEscaped, scanPlaceholders } from '../../../src-mcp/engine/template-scan.js';

const varMark = Decoration.mark({ class: 'cm-ph-var' });
const envMark = Decoration.mark({ class: 'cm-ph-env' });
// Styled as env paths (both come from the folder, not from the user at run time).
const includeMark = Decoration.mark({ class: 'cm-ph-env cm-ph-include' });

/** Marks real placeholders with the engine's own scanner, so `${HOME}` or `{{ .x }}` stay plain. */
function placeholderDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const text = view.state.doc.toString();
  for (const p of scanPlaceholders(text)) {
    if (isEscaped(p)) continue;
    builder.add(
      p.start,
      p.end,
      p.kind === 'var' ? varMark : p.kind === 'env' ? envMark : includeMark,
    );
  }
  return builder.finish();
}

export function placeholderHighlight(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = placeholderDecorations(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = placeholderDecorations(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
