/** Readable, unique MCP prompt names for runbooks: `docs/redis/README` → `docs_redis_README`. */
import { createHash } from 'node:crypto';

/** The earlier tool's generic prompt; no runbook may take its name. */
export const COMPAT_PROMPT_NAME = 'get_runbook_as_prompt';

const MAX_PROMPT_NAME = 100;

export function sanitizePromptName(runbookName: string): string {
  const base = runbookName.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'runbook';
  if (base.length <= MAX_PROMPT_NAME) return base;
  const digest = createHash('sha256').update(runbookName).digest('hex').slice(0, 8);
  return `${base.slice(0, MAX_PROMPT_NAME - 9)}_${digest}`;
}

/**
 * Maps each runbook name to its prompt name. A runbook whose name is already a clean prompt name
 * keeps it; the others claim theirs in name order and, on a clash, take `_2`, `_3`… So adding
 * `a/b` next to an existing `a_b` never renames the prompt people already use.
 */
export function assignPromptNames(runbookNames: readonly string[]): Map<string, string> {
  const taken = new Set<string>([COMPAT_PROMPT_NAME]);
  const assigned = new Map<string, string>();
  const sorted = [...runbookNames].sort();
  const clean = sorted.filter((n) => sanitizePromptName(n) === n && !taken.has(n));
  for (const name of clean) {
    taken.add(name);
    assigned.set(name, name);
  }
  for (const name of sorted) {
    if (assigned.has(name)) continue;
    const base = sanitizePromptName(name);
    let candidate = base;
    for (let i = 2; taken.has(candidate); i++) candidate = `${base}_${i}`;
    taken.add(candidate);
    assigned.set(name, candidate);
  }
  return assigned;
}
