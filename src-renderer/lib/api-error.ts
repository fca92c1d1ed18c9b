import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';

/** A RunbookError that crossed a transport: still has its code, place and fix. */
export class ApiError extends Error {
  constructor(readonly detail: SerializedRunbookError) {
    super(detail.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.detail.code;
  }
}

/** Anything thrown, as the error shape the UI shows. */
export function toErrorDetail(error: unknown): SerializedRunbookError {
  if (error instanceof ApiError) return error.detail;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'io', message, details: [] };
}

export function formatPlace(detail: SerializedRunbookError): string {
  if (!detail.file) return detail.key ? `at ${detail.key}` : '';
  if (detail.line === undefined) return detail.file;
  return detail.column === undefined
    ? `${detail.file}:${detail.line}`
    : `${detail.file}:${detail.line}:${detail.column}`;
}
