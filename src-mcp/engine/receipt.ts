/**
 * A run receipt: what a logged run was carried out from (the runbook's bytes, profile and values)
 * and how it ended, as a small front-matter-like block at the head of the log. Every value is one
 * JSON-quoted line, so a value with newlines, quotes or `---` can never end the block early, and
 * the block reads like the YAML a runbook's own front matter is written in.
 */
import { REDACTED } from './redact-shapes.js';

export const RUN_OUTCOMES = ['success', 'failure', 'partial'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export interface Receipt {
  runbook: string;
  runId?: string;
  outcome?: RunOutcome;
  /** sha256 of the runbook file's bytes, hex; absent when the file could not be read. */
  sha256?: string;
  /**
   * `render`: hashed when the run was rendered. `log`: the run id was not rendered by the process
   * that wrote the log (or none was given), so the file was hashed when the log was written.
   */
  hashedAt: 'render' | 'log';
  /** Absent: the default env (no profile). */
  profile?: string;
  /** The values used; masked ones (secrets, redacted, too long) are only named in `masked`. */
  values: Record<string, string>;
  masked: string[];
  /** The names in `masked` that are secret variables. */
  secrets: string[];
  /** False when the process that wrote the log did not render the run: its values are unknown. */
  valuesKnown: boolean;
  /** Render time; absent when unknown. */
  startedAt?: string;
  endedAt: string;
}

const MARKER = 'receipt: runbook-companion/1';
const OPENING = `---\n${MARKER}\n`;
const CLOSING = '\n---\n';
// Bracketed capitals: redaction takes them for the placeholders they are, not for a value.
const SECRET_WORDS = '[SECRET_NOT_RECORDED]';
const MASKED_WORDS = '[NOT_RECORDED]';
const UNKNOWN_VALUES = '(unknown: the run was rendered by another process)';
const HASHED_WORDS = {
  render: '(file at render)',
  log: '(file when the log was written: the run id is unknown to this process)',
} as const;
const UNREADABLE = '(file unreadable)';
const BARE_KEY = /^[A-Za-z0-9_.-]+$/;
const QUOTED = /^"(?:[^"\\]|\\.)*"/;

export function formatReceipt(receipt: Receipt): string {
  const lines = [
    '---',
    MARKER,
    // First: the past-run example looks for a successful run in the first bytes of each log.
    `outcome: ${receipt.outcome ?? '(not given)'}`,
    `runbook: ${JSON.stringify(receipt.runbook)}`,
    ...(receipt.runId ? [`run_id: ${receipt.runId}`] : []),
    `sha256: ${receipt.sha256 ?? UNREADABLE} ${HASHED_WORDS[receipt.hashedAt]}`,
    `profile: ${receipt.profile === undefined ? '(default)' : JSON.stringify(receipt.profile)}`,
    `started: ${receipt.startedAt ?? '(unknown)'}`,
    `ended: ${receipt.endedAt}`,
    ...valueLines(receipt),
    '---',
    '',
  ];
  return lines.join('\n');
}

function valueLines(receipt: Receipt): string[] {
  if (!receipt.valuesKnown) return [`values: ${UNKNOWN_VALUES}`];
  const names = [...Object.keys(receipt.values), ...receipt.masked];
  if (names.length === 0) return ['values: {}'];
  const lines = ['values:'];
  for (const [name, value] of Object.entries(receipt.values))
    lines.push(`  ${keyOf(name)}: ${JSON.stringify(value)}`);
  for (const name of receipt.masked)
    lines.push(`  ${keyOf(name)}: ${receipt.secrets.includes(name) ? SECRET_WORDS : MASKED_WORDS}`);
  return lines;
}

function keyOf(name: string): string {
  return BARE_KEY.test(name) ? name : JSON.stringify(name);
}

/** The receipt at the head of a log and the text after it; a log without one is all text. */
export function splitReceipt(text: string): { receipt?: Receipt; rest: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  if (!normalized.startsWith(OPENING)) return { rest: text };
  const end = normalized.indexOf(CLOSING, OPENING.length - 1);
  if (end < 0) return { rest: text };
  const receipt = parseBlock(normalized.slice(OPENING.length, end).split('\n'));
  return receipt ? { receipt, rest: normalized.slice(end + CLOSING.length) } : { rest: text };
}

/** Just the outcome, from the first lines of a log: enough to pick the last successful run. */
export function outcomeOf(head: string): RunOutcome | undefined {
  const normalized = head.replace(/\r\n/g, '\n');
  if (!normalized.startsWith(OPENING)) return undefined;
  for (const line of normalized.slice(OPENING.length).split('\n')) {
    if (line === '---' || line.startsWith('values:')) return undefined;
    const outcome = /^outcome: (\w+)$/.exec(line)?.[1];
    if (outcome) return isOutcome(outcome) ? outcome : undefined;
  }
  return undefined;
}

export function isOutcome(value: string): value is RunOutcome {
  return (RUN_OUTCOMES as readonly string[]).includes(value);
}

function parseBlock(lines: string[]): Receipt | undefined {
  const fields = new Map<string, string>();
  const values = new Map<string, string>();
  const masked: string[] = [];
  const secrets: string[] = [];
  let inValues = false;
  for (const line of lines) {
    if (inValues && line.startsWith('  ')) {
      const entry = parseEntry(line.slice(2));
      if (!entry) return undefined;
      if (entry.value !== undefined) values.set(entry.key, entry.value);
      else masked.push(entry.key);
      if (entry.secret) secrets.push(entry.key);
      continue;
    }
    const match = /^([a-z_0-9]+): ?(.*)$/.exec(line);
    if (!match) return undefined;
    fields.set(match[1]!, match[2]!);
    inValues = match[1] === 'values' && match[2] === '';
  }
  return receiptOf(fields, { values: Object.fromEntries(values), masked, secrets });
}

function receiptOf(
  fields: Map<string, string>,
  found: Pick<Receipt, 'values' | 'masked' | 'secrets'>,
): Receipt | undefined {
  const runbook = unquote(fields.get('runbook') ?? '');
  const hash = /^([0-9a-f]{64}|\(file unreadable\)) (\(.*\))$/.exec(fields.get('sha256') ?? '');
  const endedAt = fields.get('ended');
  if (runbook === undefined || !hash || !endedAt) return undefined;
  const outcome = fields.get('outcome') ?? '';
  const profile = fields.get('profile') ?? '(default)';
  const started = fields.get('started') ?? '(unknown)';
  const valuesKnown = fields.get('values') !== UNKNOWN_VALUES;
  return {
    runbook,
    ...(fields.get('run_id') ? { runId: fields.get('run_id') } : {}),
    ...(isOutcome(outcome) ? { outcome } : {}),
    ...(hash[1] === UNREADABLE ? {} : { sha256: hash[1] }),
    hashedAt: hash[2] === HASHED_WORDS.render ? 'render' : 'log',
    ...(profile === '(default)' ? {} : { profile: unquote(profile) ?? profile }),
    ...found,
    valuesKnown,
    ...(started === '(unknown)' ? {} : { startedAt: started }),
    endedAt,
  };
}

/** `name: "value"`, or a masked `name: [NOT_RECORDED]`; a key may be quoted. */
function parseEntry(text: string): { key: string; value?: string; secret?: boolean } | undefined {
  const quotedKey = QUOTED.exec(text)?.[0];
  const key = quotedKey ? unquote(quotedKey) : /^[^:]+/.exec(text)?.[0];
  if (key === undefined) return undefined;
  const rest = text.slice(quotedKey ? quotedKey.length : key.length);
  if (!rest.startsWith(': ')) return undefined;
  const raw = rest.slice(2);
  if (!raw.startsWith('"')) return { key, secret: raw === SECRET_WORDS };
  const value = unquote(raw);
  // A value redaction cut into on the way back (or that never parses) is not a value to reuse.
  return value === undefined || value.includes(REDACTED) ? { key } : { key, value };
}

function unquote(raw: string): string | undefined {
  if (!raw.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
