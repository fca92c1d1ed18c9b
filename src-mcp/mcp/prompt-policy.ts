/**
 * Which runbooks are listed as prompts. A client shows every prompt in one menu ("Attach from
 * MCP" in Claude Desktop), so a folder of thousands lists only the runbooks people chose: pinned
 * and recently used in the app, and those whose front matter says `prompt: true`.
 * `get_runbook_as_prompt` still reaches every runbook.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appDataDir } from '../engine/paths.js';
import { readSettings } from '../engine/settings.js';
import type { RunbookSummary } from '../engine/types.js';

/** Up to this many runbooks, every one is a prompt. */
export const PROMPT_MENU_LIMIT = 200;

export interface PromptFavourites {
  pinned: readonly string[];
  recent: readonly string[];
}

export const NO_FAVOURITES: PromptFavourites = { pinned: [], recent: [] };

/** Whether the runbook is listed, given how many runbooks the folder holds. */
export function isListedPrompt(
  summary: RunbookSummary,
  total: number,
  favourites: ReadonlySet<string>,
): boolean {
  if (summary.prompt !== undefined) return summary.prompt;
  return total <= PROMPT_MENU_LIMIT || favourites.has(summary.name);
}

/**
 * Pinned runbooks (the settings file) and recent ones (the tray's state file) from the app's data
 * folder. A missing or broken file only means no favourites: the menu must never fail for it.
 */
export function readFavourites(dataDir: string = appDataDir()): PromptFavourites {
  let pinned: readonly string[] = [];
  try {
    pinned = readSettings(dataDir).pinned;
  } catch {
    // Named by the app and the CLI already; here it only costs the pinned prompts.
  }
  return { pinned, recent: readRecent(dataDir) };
}

function readRecent(dataDir: string): string[] {
  try {
    const data: unknown = JSON.parse(readFileSync(path.join(dataDir, 'tray-state.json'), 'utf8'));
    const recent = (data as { recent?: unknown } | null)?.recent;
    return Array.isArray(recent) ? recent.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
