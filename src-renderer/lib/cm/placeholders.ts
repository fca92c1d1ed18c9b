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
const includeMark = Decoration.mark({
  class: 'cm-ph-env cm-ph-include',
  attributes: { title: 'Ctrl+click (⌘-click on a Mac) opens this runbook' },
});

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

/** Ctrl+click (⌘-click) on `{include[name]}` opens the runbook it names (its extension dropped). */
export function includeNavigation(open: (name: string) => void): Extension {
  return EditorView.domEventHandlers({
    mousedown(event, view) {
      if (event.button !== 0 || !(event.ctrlKey || event.metaKey)) return false;
      const at = view.posAtCoords({ x: event.clientX, y: event.clientY });
      if (at === null) return false;
      const hit = scanPlaceholders(view.state.doc.toString()).find(
        (p) => p.kind === 'include' && !isEscaped(p) && p.start <= at && at <= p.end,
      );
      if (!hit?.include) return false;
      event.preventDefault();
      open(hit.include.replace(/\.(md|markdown|txt)$/i, ''));
      return true;
    },
  });
}
