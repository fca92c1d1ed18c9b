import type { VariableSpec } from '../../src-mcp/engine/types.js';

const PREFIX = 'runbook-companion:values:';

/** Last-used values per runbook, in localStorage; secret variables are never stored. */
export function rememberedValues(name: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + name) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

export function rememberValues(
  name: string,
  values: Record<string, string>,
  specs: readonly VariableSpec[],
): void {
  const secret = new Set(specs.filter((s) => s.secret).map((s) => s.name));
  const kept = Object.fromEntries(
    Object.entries(values).filter(([key, value]) => !secret.has(key) && value !== ''),
  );
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: remembering is a convenience, never a failure.
  }
}
