/**
 * The runs this process rendered, by run id, so that `create_runbook_log` can write what a run was
 * carried out from: the file's hash at render time, the profile, the values. In memory only and
 * bounded; a secret value is never kept here (SecretMemory keeps those, for redaction only).
 */
import { nodeCrypto, sha256Hex } from './lazy-crypto.js';
import { promises as fs } from 'node:fs';
import { resolveInside } from './names.js';
import type { RunbookSummary, VariableSpec } from './types.js';

/** Enough for a long session; the oldest run is forgotten first. */
export const MAX_RUNS = 256;
/** Values recorded for one run, in characters: the rest are named but not recorded. */
const MAX_RECORDED_CHARS = 32 * 1024;
/** A value longer than this is named but not recorded: a receipt is for reading. */
const MAX_RECORDED_VALUE = 4096;
const RUN_ID_LENGTH = 10;
/** What a run id given back by a model may look like: short, URL-safe. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface RenderedRun {
  runbook: string;
  sha256: string;
  profile?: string;
  /** Values that may be written and reused. */
  values: Record<string, string>;
  /** Values not recorded: secrets, and values past the bounds. */
  masked: string[];
  /** Names in `masked` that are secrets. */
  secrets: string[];
  startedAt: string;
}

export class RunMemory {
  private readonly runs = new Map<string, RenderedRun>();

  /** Records a run and returns its new id. */
  start(run: RenderedRun): string {
    let id = newRunId();
    while (this.runs.has(id)) id = newRunId();
    this.runs.set(id, run);
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= MAX_RUNS) break;
      this.runs.delete(oldest);
    }
    return id;
  }

  get(id: string): RenderedRun | undefined {
    return this.runs.get(id);
  }
}

/** 10 URL-safe characters (60 random bits): short enough to copy, long enough never to collide. */
function newRunId(): string {
  return nodeCrypto().randomBytes(8).toString('base64url').slice(0, RUN_ID_LENGTH);
}

/** The sha256 of the file's bytes, as they are on disk (not as decoded): a BOM or a bad byte counts. */
export async function hashRunbookFile(root: string, relPath: string): Promise<string> {
  const bytes = await fs.readFile(resolveInside(root, relPath));
  return sha256Hex(bytes);
}

/**
 * The values a render used (given values over front matter defaults, as the render does), split
 * into those a receipt may record and those it only names: secrets, and values past the bounds.
 */
function recordedValues(
  specs: readonly VariableSpec[],
  given: Readonly<Record<string, string>>,
): Pick<RenderedRun, 'values' | 'masked' | 'secrets'> {
  // A Map, then fromEntries: a value named `__proto__` stays a value.
  const used = new Map<string, string>();
  for (const spec of specs) if (spec.default !== undefined) used.set(spec.name, spec.default);
  for (const [name, value] of Object.entries(given)) used.set(name, value);
  const secretNames = new Set(specs.filter((s) => s.secret).map((s) => s.name));
  const kept: [string, string][] = [];
  const masked: string[] = [];
  let chars = 0;
  for (const [name, value] of used) {
    const fits = value.length <= MAX_RECORDED_VALUE && chars + value.length <= MAX_RECORDED_CHARS;
    if (secretNames.has(name) || !fits) masked.push(name);
    else {
      kept.push([name, value]);
      chars += value.length;
    }
  }
  const values = Object.fromEntries(kept);
  return { values, masked, secrets: masked.filter((name) => secretNames.has(name)) };
}

/** What a render that starts a run is remembered by; call it right after the render. */
export async function startedRun(
  root: string,
  runbook: Pick<RunbookSummary, 'name' | 'path' | 'variables'>,
  request: { vars?: Record<string, string>; profile?: string },
  defaultProfile: string | undefined,
): Promise<RenderedRun> {
  return {
    runbook: runbook.name,
    sha256: await hashRunbookFile(root, runbook.path),
    profile: request.profile ?? defaultProfile,
    ...recordedValues(runbook.variables, request.vars ?? {}),
    startedAt: new Date().toISOString(),
  };
}
