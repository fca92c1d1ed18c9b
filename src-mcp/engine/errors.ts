/**
 * One error type for the whole engine. Every face (CLI, MCP, IPC, HTTP) turns it into
 * something a user can act on: a stable `code`, the place at fault, and the fix.
 */
export type RunbookErrorCode =
  | 'not-found'
  | 'ambiguous'
  | 'missing-values'
  | 'not-scalar'
  | 'path-escape'
  | 'invalid-name'
  | 'invalid-yaml'
  | 'invalid-front-matter'
  | 'invalid-argument'
  | 'exists'
  | 'conflict'
  | 'too-large'
  | 'io'
  | 'invalid-json'
  | 'timeout'
  | 'invalid-encoding'
  | 'unavailable'
  | 'include-cycle';

export interface ErrorLocation {
  /** Absolute or folder-relative path of the file at fault. */
  file?: string;
  line?: number;
  column?: number;
  /** Variable name, env path, setting or argument at fault. */
  key?: string;
}

export interface RunbookErrorOptions extends ErrorLocation {
  /** What the user can do about it, one sentence. */
  fix?: string;
  /** Structured detail for callers that list several problems (missing values, candidates). */
  details?: readonly unknown[];
  cause?: unknown;
}

export class RunbookError extends Error {
  override readonly name = 'RunbookError';
  readonly code: RunbookErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly key?: string;
  readonly fix?: string;
  readonly details: readonly unknown[];

  constructor(code: RunbookErrorCode, message: string, options: RunbookErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.key = options.key;
    this.fix = options.fix;
    this.details = options.details ?? [];
  }

  /**
   * The same error with another fix: a face that can offer more than the engine knows of (the
   * MCP tool that can replace, a client with no app to ask) says so. Everything else is kept.
   */
  withFix(fix: string): RunbookError {
    const { code, message, file, line, column, key, details } = this;
    return new RunbookError(code, message, { file, line, column, key, details, fix, cause: this });
  }

  /** The message with the place and the fix, as a person reads it in a terminal or a chat. */
  describe(): string {
    const where = formatLocation(this);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.fix ? `${head}\n${this.fix}` : head;
  }

  toJSON(): SerializedRunbookError {
    return {
      code: this.code,
      message: this.message,
      file: this.file,
      line: this.line,
      column: this.column,
      key: this.key,
      fix: this.fix,
      details: this.details,
    };
  }
}

export interface SerializedRunbookError extends ErrorLocation {
  code: RunbookErrorCode;
  message: string;
  fix?: string;
  details: readonly unknown[];
}

export function formatLocation(loc: ErrorLocation): string {
  if (!loc.file) return '';
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined
    ? `${loc.file}:${loc.line}`
    : `${loc.file}:${loc.line}:${loc.column}`;
}

export function isRunbookError(value: unknown): value is RunbookError {
  return value instanceof RunbookError;
}

/** Wrap anything thrown into a RunbookError so faces have one shape to report. */
export function toRunbookError(value: unknown, file?: string): RunbookError {
  if (value instanceof RunbookError) return value;
  const err = value as NodeJS.ErrnoException;
  const message = err instanceof Error ? err.message : String(value);
  return new RunbookError('io', message, { file: file ?? err?.path, cause: value });
}
