/**
 * Between the engine and its logs: the receipt a log gets from what the model reports (an outcome,
 * the run id it was given) and what this process remembers of that run; and the receipt read back.
 */
import { RunbookError } from './errors.js';
import { isLegacyLogId } from './legacy-logs.js';
import type { ReceiptDraft } from './logs.js';
import { isOutcome, RUN_OUTCOMES, splitReceipt, type Receipt, type RunOutcome } from './receipt.js';
import { redact } from './redact.js';
import { hashRunbookFile, RUN_ID_PATTERN, type RunMemory } from './run-memory.js';
import type { RunbookSummary } from './types.js';

/** What `create_runbook_log` reports beyond the text (the earlier tool's calls report neither). */
export interface RunReport {
  outcome?: RunOutcome;
  runId?: string;
}

export interface DraftContext {
  root: string;
  runs: RunMemory;
  /** The profile this process renders with by default. */
  profile: string | undefined;
  /** Values to redact from the recorded values. */
  secrets: readonly string[];
}

/**
 * Undefined for a log without an outcome or run id: it is written as the earlier format. A run id
 * this process did not render (the app's window, another server, a restart) is no error: the
 * receipt then hashes the file now and says so, and its values are unknown.
 */
export async function draftReceipt(
  summary: RunbookSummary,
  report: RunReport,
  context: DraftContext,
): Promise<ReceiptDraft | undefined> {
  checkReport(report);
  if (report.outcome === undefined && report.runId === undefined) return undefined;
  const known = report.runId === undefined ? undefined : context.runs.get(report.runId);
  const run = known?.runbook === summary.name ? known : undefined;
  const base = { runId: report.runId, outcome: report.outcome };
  if (!run) {
    // The log matters more than its hash: a file gone since the run still gets its log.
    const sha256 = await hashRunbookFile(context.root, summary.path).catch(() => undefined);
    return {
      ...base,
      sha256,
      hashedAt: 'log',
      profile: context.profile,
      ...{ values: {}, masked: [], secrets: [], valuesKnown: false },
    };
  }
  // A value redacted here (it holds a remembered secret or a credential shape) is not recorded.
  const values: [string, string][] = [];
  const masked = [...run.masked];
  for (const [name, value] of Object.entries(run.values)) {
    if (redact(value, context.secrets) === value) values.push([name, value]);
    else masked.push(name);
  }
  return {
    ...base,
    sha256: run.sha256,
    hashedAt: 'render',
    profile: run.profile,
    values: Object.fromEntries(values),
    masked,
    secrets: run.secrets,
    valuesKnown: true,
    startedAt: run.startedAt,
  };
}

function checkReport(report: RunReport): void {
  if (report.outcome !== undefined && !isOutcome(report.outcome))
    throw new RunbookError('invalid-argument', `"${String(report.outcome)}" is not an outcome.`, {
      key: 'outcome',
      fix: `Use one of: ${RUN_OUTCOMES.join(', ')}.`,
    });
  if (report.runId !== undefined && !RUN_ID_PATTERN.test(report.runId))
    throw new RunbookError('invalid-argument', 'The run id is not one this app gives out.', {
      key: 'run_id',
      fix: 'Pass the run id exactly as the runbook prompt gave it (letters, digits, - and _), or leave it out.',
    });
}

/** The earlier tool's logs have no receipt, whatever their text starts with. */
export function receiptOfLog(id: string, text: string): Receipt | undefined {
  return isLegacyLogId(id) ? undefined : splitReceipt(text).receipt;
}

/** The values a receipt lets a run reuse: secrets and unrecorded values are left for the user. */
export function reusableValues(receipt: Receipt | undefined): Record<string, string> {
  return receipt ? { ...receipt.values } : {};
}
