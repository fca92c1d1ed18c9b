import type { Engine } from '../engine/engine.js';
import { nameFromPath } from '../engine/names.js';

/**
 * Whether a new file at `relPath` would clash with a runbook: the same name (`x.md` and `x.txt`
 * are one runbook name) or the same path in another case (one file on macOS and Windows).
 */
export async function takenPaths(engine: Engine): Promise<(relPath: string) => boolean> {
  const summaries = await engine.list();
  const names = new Set(summaries.map((s) => s.name.toLowerCase()));
  return (relPath) => names.has(nameFromPath(relPath).toLowerCase());
}
