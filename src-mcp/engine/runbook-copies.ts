/**
 * Duplicate and New from template: the names and text of a new runbook made from another. Both
 * write through `Engine.create` without overwrite, so a name taken meanwhile is an error, never a
 * replaced file.
 */
import path from 'node:path';
import { RunbookError } from './errors.js';
import type { RunbookSummary } from './types.js';

const MAX_COPIES = 1000;

/**
 * `ops/x.md` → `ops/x-copy.md`, then `ops/x-copy-2.md`… the first that `isTaken` does not claim
 * (a copy of `x-copy` is `x-copy-copy`: the user asked for a copy of that file).
 */
export function copyPath(relPath: string, isTaken: (relPath: string) => boolean): string {
  const ext = path.posix.extname(relPath);
  const stem = relPath.slice(0, relPath.length - ext.length);
  for (let n = 1; n <= MAX_COPIES; n++) {
    const candidate = `${stem}-copy${n === 1 ? '' : `-${n}`}${ext}`;
    if (!isTaken(candidate)) return candidate;
  }
  throw new RunbookError('exists', `${relPath} has ${MAX_COPIES} copies already.`, {
    file: relPath,
    fix: 'Rename or delete some of its copies first.',
  });
}

/** A runbook in a `templates/` folder (at any depth) or with `template: true` in front matter. */
export function isTemplate(summary: Pick<RunbookSummary, 'name' | 'template'>): boolean {
  return summary.template === true || summary.name.split('/').slice(0, -1).includes('templates');
}

const FRONT_MATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/;
const TEMPLATE_LINE = /^template:[ \t]*(?:true|yes|on)?[ \t]*(?:#.*)?\r?\n/m;

/**
 * The template's text for a new runbook: every byte as written, less its own `template: true`
 * line (else each runbook made from it would be offered as a template too).
 */
export function textFromTemplate(content: string): string {
  const match = FRONT_MATTER.exec(content);
  if (!match) return content;
  const [whole, opening = '', inside = '', closing = ''] = match;
  return `${opening}${inside.replace(TEMPLATE_LINE, '')}${closing}${content.slice(whole.length)}`;
}
