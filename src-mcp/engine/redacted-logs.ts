/**
 * Execution logs as the engine serves them: written and read back redacted of every secret this
 * process knows, and found by runbook name even after the runbook was deleted.
 */
import type { Catalog } from './catalog.js';
import type { LoadedEnv } from './env.js';
import type { LogStore } from './logs.js';
import { normalizeNameInput } from './names.js';
import type { Receipt } from './receipt.js';
import { draftReceipt, receiptOfLog, type RunReport } from './receipt-log.js';
import { redact } from './redact.js';
import { secretEnvValues, secretVarValues } from './secret-values.js';
import type { RunMemory } from './run-memory.js';
import type { SecretMemory } from './secret-memory.js';
import type { LogEntry, RunbookSummary } from './types.js';

export interface LogSources {
  root: string;
  profile: string | undefined;
  store: LogStore;
  catalog: Catalog;
  /** The engine's ready(): the catalog is complete and the folder is there. */
  ready: () => Promise<void>;
  /** The fuzzy resolve, with its errors and suggestions. */
  resolve: (name: string) => Promise<RunbookSummary>;
  env: () => Promise<LoadedEnv>;
  /** Secret values this engine rendered. */
  rendered: SecretMemory;
  /** Runs this engine rendered, for the receipts of their logs. */
  runs: RunMemory;
}

export class RedactedLogs {
  constructor(private readonly sources: LogSources) {}

  /**
   * Redacts secret variable values (given here or rendered earlier by this engine), secret-looking
   * env values and credential shapes, then writes.
   */
  async append(
    name: string,
    text: string,
    vars: Record<string, string>,
    report: RunReport,
  ): Promise<LogEntry> {
    const { root, runs, profile, store } = this.sources;
    // An unknown or ambiguous name is an error with suggestions: a log must belong to a runbook.
    const summary = await this.sources.resolve(name);
    const secrets = [...secretVarValues(vars, summary.variables), ...(await this.knownSecrets())];
    const receipt = await draftReceipt(summary, report, { root, runs, profile, secrets });
    return store.append(summary.name, redact(text, secrets), undefined, receipt);
  }

  /** The receipt at the head of a log, read back redacted; undefined for a log without one. */
  async receipt(name: string, id: string): Promise<Receipt | undefined> {
    return receiptOfLog(id, await this.read(name, id));
  }

  async list(name: string): Promise<LogEntry[]> {
    const summary = await this.logName(name);
    return this.sources.store.list(summary.name);
  }

  async read(name: string, id: string): Promise<string> {
    const summary = await this.logName(name);
    // Read back redacted too: a log written before a secret was known, or by an older version.
    return redact(await this.sources.store.read(summary.name, id), await this.knownSecrets());
  }

  /** The past-run example: the latest successful run (by its receipt), else the latest log. */
  async latest(name: string): Promise<{ entry: LogEntry; text: string } | undefined> {
    const summary = await this.logName(name);
    const latest = await this.sources.store.pastRun(summary.name);
    return latest && { ...latest, text: redact(latest.text, await this.knownSecrets()) };
  }

  /** Secret values rendered by this engine and secret-looking env values. */
  private async knownSecrets(): Promise<string[]> {
    // A broken env.yaml must not lose a log; its values just cannot be redacted by name.
    const env = await this.sources.env().then(
      (loaded) => loaded.env,
      () => ({}),
    );
    return [...this.sources.rendered.all(), ...secretEnvValues(env)];
  }

  /**
   * The runbook whose logs are meant: the exact name in the catalog; else, when the runbook was
   * deleted, the exact name its logs are stored under; else the fuzzy resolve (and its errors).
   */
  private async logName(name: string): Promise<{ name: string }> {
    const { catalog, store } = this.sources;
    await this.sources.ready();
    const exact = catalog.get(name) ?? catalog.get(normalizeNameInput(name));
    if (exact) return exact;
    for (const stored of new Set([name, normalizeNameInput(name)])) {
      if (stored && (await store.list(stored).catch(() => [])).length) return { name: stored };
    }
    return this.sources.resolve(name);
  }
}
