/**
 * The secret values this process has rendered, so that every log it writes or reads back can be
 * redacted of them even when the text comes back without its variables (a model echoing a
 * rendered runbook into `create_runbook_log`). In memory only: never written anywhere, gone on exit.
 */
import { MIN_SECRET_LENGTH, secretEnvValues } from './secret-values.js';
import type { EnvMapping, VariableSpec } from './types.js';

/**
 * Enough for every secret of a long session; past either bound the oldest go first. Every log
 * written or read is matched against all of them, so the bounds also cap that work.
 */
export const MAX_REMEMBERED = 512;
export const MAX_REMEMBERED_CHARS = 64 * 1024;
/** Longer values (past a 4096-bit PEM key) are remembered by their key-material lines only. */
const MAX_SECRET_CHARS = 8 * 1024;
/** A line of a multi-line secret this long with no space is key material worth matching alone. */
const MIN_KEY_LINE = 16;

export class SecretMemory {
  /** Value → the slot that gave it; a Map keeps insertion order, so the first key is the oldest. */
  private readonly values = new Map<string, string>();
  private readonly lastOfSlot = new Map<string, string>();
  private chars = 0;

  /**
   * `slot` names where the value came from (a runbook's variable). A live preview renders every
   * keystroke (`h`, `hu`, `hun`…): a value that only extends or shortens the slot's last one
   * replaces it, so typing does not fill the memory with prefixes that would redact ordinary words.
   */
  remember(value: string, slot: string): void {
    const last = this.lastOfSlot.get(slot);
    if (last !== undefined && last !== value && (value.startsWith(last) || last.startsWith(value)))
      for (const piece of piecesOf(last)) if (this.values.get(piece) === slot) this.forget(piece);
    this.lastOfSlot.delete(slot);
    this.lastOfSlot.set(slot, value);
    for (const piece of piecesOf(value)) {
      this.forget(piece);
      this.values.set(piece, slot);
      this.chars += piece.length;
    }
    for (const oldest of this.values.keys()) {
      if (this.values.size <= MAX_REMEMBERED && this.chars <= MAX_REMEMBERED_CHARS) break;
      this.forget(oldest);
    }
    for (const oldest of this.lastOfSlot.keys()) {
      if (this.lastOfSlot.size <= MAX_REMEMBERED) break;
      this.lastOfSlot.delete(oldest);
    }
  }

  /** Every remembered value, for `redact`. */
  all(): string[] {
    return [...this.values.keys()];
  }

  get size(): number {
    return this.values.size;
  }

  private forget(piece: string): void {
    if (this.values.delete(piece)) this.chars -= piece.length;
  }
}

/**
 * What one render exposed: the given values of `secret: true` variables (the caller sent them, so
 * they can come back even when the text does not show them), and the secret-looking env values
 * the rendered text actually contains.
 */
export function rememberRender(
  memory: SecretMemory,
  runbook: { name: string; variables: readonly VariableSpec[] },
  context: { vars: Readonly<Record<string, string>>; env: EnvMapping },
  rendered: string,
): void {
  for (const spec of runbook.variables) {
    const value = context.vars[spec.name];
    if (spec.secret && value !== undefined)
      memory.remember(value, `var\0${runbook.name}\0${spec.name}`);
  }
  for (const value of secretEnvValues(context.env))
    if (rendered.includes(value)) memory.remember(value, `env\0${value}`);
}

/**
 * The value itself, and for a multi-line value (a key, a kubeconfig) each line that looks like key
 * material: echoed back, such a value is often re-indented, so the whole would no longer match.
 */
function piecesOf(value: string): string[] {
  const pieces: string[] = [];
  if (value.length >= MIN_SECRET_LENGTH && value.length <= MAX_SECRET_CHARS) pieces.push(value);
  if (!value.includes('\n')) return pieces;
  for (const line of value.split('\n')) {
    const piece = line.trim();
    if (piece.length >= MIN_KEY_LINE && piece.length <= MAX_SECRET_CHARS && !/\s/.test(piece))
      pieces.push(piece);
  }
  return pieces;
}
