/**
 * Readable, short, unique MCP prompt names for runbooks: `docs/redis/README` → `docs_redis_README`.
 * A name depends on its own path (and on clashes only), so it stays the same from run to run.
 */
import { sha256Hex } from '../engine/lazy-crypto.js';
import { foldAccents } from '../engine/search-fold.js';

/** The earlier tool's generic prompt; no runbook may take its name. */
export const COMPAT_PROMPT_NAME = 'get_runbook_as_prompt';
/** The prompts that are not a runbook's (workflow-prompts.ts): no runbook takes these names either. */
export const RESERVED_PROMPT_NAMES = [
  COMPAT_PROMPT_NAME,
  'plan_runbook',
  'save_conversation_as_runbook',
] as const;

/** The longest name a menu shows in full; a clash suffix (`_2`) may add a few characters. */
const MAX_PROMPT_NAME = 60;
const DIGEST_LENGTH = 8;

/** Accents folded as search folds them (`Ünïcode` → `Unicode`), other characters `_`. */
function toAsciiWords(text: string): string {
  return foldAccents(text)
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function sanitizePromptName(runbookName: string): string {
  const base = toAsciiWords(runbookName) || 'runbook';
  if (base.length <= MAX_PROMPT_NAME) return base;
  // The end of a path says what it is (`…_redis_README`); its start is the folders it sits in.
  const digest = sha256Hex(runbookName).slice(0, DIGEST_LENGTH);
  const room = MAX_PROMPT_NAME - DIGEST_LENGTH - 1;
  let tail = base.slice(-room);
  const boundary = tail.indexOf('_');
  if (boundary > 0 && boundary < room / 2) tail = tail.slice(boundary + 1);
  return `${tail.replace(/^[_-]+/, '')}_${digest}`;
}

/**
 * Maps each runbook name to its prompt name. A runbook whose name is already a clean prompt name
 * keeps it; the others claim theirs in name order and, on a clash, take `_2`, `_3`… So adding
 * `a/b` next to an existing `a_b` never renames the prompt people already use.
 */
export function assignPromptNames(runbookNames: readonly string[]): Map<string, string> {
  const taken = new Set<string>(RESERVED_PROMPT_NAMES);
  const assigned = new Map<string, string>();
  const sorted = [...runbookNames].sort();
  const bases = new Map(sorted.map((name) => [name, sanitizePromptName(name)]));
  for (const name of sorted) {
    if (bases.get(name) !== name || taken.has(name)) continue;
    taken.add(name);
    assigned.set(name, name);
  }
  for (const name of sorted) {
    if (assigned.has(name)) continue;
    const base = bases.get(name)!;
    let candidate = base;
    for (let i = 2; taken.has(candidate); i++) candidate = `${base}_${i}`;
    taken.add(candidate);
    assigned.set(name, candidate);
  }
  return assigned;
}
