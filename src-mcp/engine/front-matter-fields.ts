/**
 * Front matter fields read into bounded metadata: every listing carries it, so no runbook may
 * make it large. Text shown to people is shortened; a value that changes a render (a default, the
 * choices) is never cut: it is left out, with a problem that says so.
 */
import {
  MAX_CHOICE_LENGTH,
  MAX_CHOICES,
  MAX_DEFAULT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  MAX_TOOL_NAME_LENGTH,
  MAX_TOOLS,
  MAX_VARIABLE_NAME_LENGTH,
  MAX_VARIABLES,
} from './limits.js';
import { parseSchedule } from './schedule.js';
import type { VariableSpec } from './types.js';

export type Report = (message: string, key: string) => void;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readTitle(value: unknown, report: Report): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return shorten(String(value), MAX_TITLE_LENGTH, 'title', report);
}

export function readDescription(value: unknown, report: Report): string | undefined {
  if (typeof value !== 'string') return undefined;
  return shorten(value.trim(), MAX_DESCRIPTION_LENGTH, 'description', report);
}

export function readTags(value: unknown, report: Report): string[] {
  const all =
    typeof value === 'string'
      ? value.split(/[,\s]+/).filter(Boolean)
      : Array.isArray(value)
        ? value.filter((t) => typeof t === 'string' || typeof t === 'number').map(String)
        : [];
  const tags = all.filter((tag) => tag.length <= MAX_TAG_LENGTH);
  if (tags.length < all.length)
    report(`Tags over ${MAX_TAG_LENGTH} characters are left out.`, 'tags');
  if (tags.length > MAX_TAGS) report(`Only the first ${MAX_TAGS} tags are kept.`, 'tags');
  return tags.slice(0, MAX_TAGS);
}

/**
 * `tools: [name, …]` (or `name, name`): the MCP tools a run may use. Unlike tags, a list that
 * cannot be kept whole is ignored: a shortened list would forbid tools the author allowed.
 */
export function readTools(value: unknown, report: Report): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const all =
    typeof value === 'string'
      ? value.split(/[,\s]+/).filter(Boolean)
      : Array.isArray(value)
        ? value.filter((t): t is string => typeof t === 'string').map((t) => t.trim())
        : undefined;
  if (!all || (Array.isArray(value) && all.length < value.length)) {
    report('`tools` must be a list of MCP tool names; it is ignored.', 'tools');
    return undefined;
  }
  if (all.length > MAX_TOOLS || all.some((t) => t.length > MAX_TOOL_NAME_LENGTH || t === '')) {
    report(
      `\`tools\` holds over ${MAX_TOOLS} names or a name over ${MAX_TOOL_NAME_LENGTH} characters; it is ignored.`,
      'tools',
    );
    return undefined;
  }
  return [...new Set(all)];
}

/**
 * `schedule: daily | weekly | monthly | <cron>`, kept as written (a named one in lower case). A
 * value that does not parse is a problem and no schedule: the runbook itself stays usable.
 */
export function readSchedule(value: unknown, report: Report): string | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === 'string' ? parseSchedule(value) : undefined;
  if (parsed?.ok) return parsed.schedule.text;
  const why = parsed ? `: ${parsed.reason}` : '';
  report(
    `\`schedule\` must be daily, weekly, monthly or a cron expression such as "0 9 * * 1"${why}; it is ignored.`,
    'schedule',
  );
  return undefined;
}

/** `variables:` as a mapping (name → spec or description) or a list of specs with `name`. */
export function readVariables(value: unknown, report: Report): VariableSpec[] {
  if (value === undefined || value === null) return [];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item): [string, unknown] => [
        isRecord(item) && typeof item.name === 'string' ? item.name : '',
        item,
      ])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  if (entries.length === 0 && !isRecord(value)) {
    report('`variables` must be a mapping of variable names to their settings.', 'variables');
  }
  const specs: VariableSpec[] = [];
  for (const [name, raw] of entries) {
    if (!VARIABLE_NAME.test(name) || name.length > MAX_VARIABLE_NAME_LENGTH) {
      const why = VARIABLE_NAME.test(name)
        ? `is over ${MAX_VARIABLE_NAME_LENGTH} characters`
        : 'is not valid: use letters, digits and _';
      report(`Variable name ${quoteShort(name)} ${why}.`, `variables.${clip(name, 60)}`);
      continue;
    }
    if (specs.length === MAX_VARIABLES) {
      report(`Only the first ${MAX_VARIABLES} variables are read.`, 'variables');
      break;
    }
    specs.push(toVariableSpec(name, raw, report));
  }
  return specs;
}

function toVariableSpec(name: string, raw: unknown, report: Report): VariableSpec {
  const key = `variables.${name}`;
  if (!isRecord(raw)) {
    const description =
      typeof raw === 'string' ? shorten(raw, MAX_DESCRIPTION_LENGTH, key, report) : undefined;
    return { name, description, required: true, secret: false, declared: true };
  }
  const description = scalar(raw.description);
  const defaultValue = boundedDefault(scalar(raw.default), `${key}.default`, report);
  const choices = boundedChoices(raw.choices, `${key}.choices`, report);
  return {
    name,
    description:
      description === undefined
        ? undefined
        : shorten(description, MAX_DESCRIPTION_LENGTH, `${key}.description`, report),
    default: defaultValue,
    required: raw.required === false ? false : defaultValue === undefined,
    choices,
    secret: raw.secret === true,
    declared: true,
  };
}

function boundedDefault(value: string | undefined, key: string, report: Report) {
  if (value === undefined || value.length <= MAX_DEFAULT_LENGTH) return value;
  report(`The default is over ${MAX_DEFAULT_LENGTH} characters and is ignored.`, key);
  return undefined;
}

function boundedChoices(value: unknown, key: string, report: Report): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length > MAX_CHOICES) {
    report(`Over ${MAX_CHOICES} choices: the list is ignored and any value is accepted.`, key);
    return undefined;
  }
  const choices = value.map(scalar).filter((c): c is string => c !== undefined);
  if (choices.some((c) => c.length > MAX_CHOICE_LENGTH)) {
    report(`A choice is over ${MAX_CHOICE_LENGTH} characters: the list is ignored.`, key);
    return undefined;
  }
  return choices.length > 0 ? choices : undefined;
}

function shorten(text: string, max: number, key: string, report: Report): string {
  if (text.length <= max) return text;
  report(`${key} is over ${max} characters and is shortened.`, key);
  return `${text.slice(0, max - 1)}…`;
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** A name from a hostile file may be huge: messages quote its start only. */
function quoteShort(text: string, max = 60): string {
  return JSON.stringify(clip(text, max));
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
