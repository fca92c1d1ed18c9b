/**
 * "Run again with these values": the values and profile a log's receipt recorded, for
 * `runbook render NAME --from-log <id>`. Secrets were never recorded: they are given again.
 */
import type { Engine } from '../engine/engine.js';
import { RunbookError } from '../engine/errors.js';
import type { Receipt } from '../engine/receipt.js';
import { reusableValues } from '../engine/receipt-log.js';
import type { CliIo } from './command.js';

export interface LoggedValues {
  vars: Record<string, string>;
  profile?: string;
}

/** `given`: the values on the command line, which win; the note names what it must still give. */
export async function valuesFromLog(
  engine: Engine,
  name: string,
  id: string | undefined,
  given: Readonly<Record<string, string>>,
  io: CliIo,
): Promise<LoggedValues> {
  if (id === undefined) return { vars: { ...given } };
  const receipt = await engine.logReceipt(name, id);
  if (!receipt?.valuesKnown) throw noValuesError(name, id, receipt);
  const left = receipt.masked.filter((key) => !Object.hasOwn(given, key));
  if (left.length)
    io.stderr(
      `runbook: not recorded in log ${id}, give them again if needed: ${left.map((k) => `--var ${k}=…`).join(' ')}\n`,
    );
  return {
    vars: { ...reusableValues(receipt), ...given },
    ...(receipt.profile ? { profile: receipt.profile } : {}),
  };
}

function noValuesError(name: string, id: string, receipt: Receipt | undefined): RunbookError {
  const why = receipt
    ? 'its receipt was written by a process that did not render the run, so it holds no values'
    : 'it has no receipt (an older log, or one saved without run_id and outcome)';
  return new RunbookError('not-found', `Log ${id} of ${name} records no values: ${why}.`, {
    key: id,
    fix: `Pick another log (runbook logs ${name}), or pass the values with --var.`,
  });
}
