import { linter } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { findFrontMatterTraps } from '../front-matter-traps.js';

/** Warns where front matter indentation most likely slipped (see front-matter-traps.ts). */
export function frontMatterTrapLint(): Extension {
  return linter(
    (view) =>
      findFrontMatterTraps(view.state.doc.toString()).map((trap) => ({
        ...trap,
        severity: 'warning' as const,
        source: 'front matter',
      })),
    { delay: 300 },
  );
}
