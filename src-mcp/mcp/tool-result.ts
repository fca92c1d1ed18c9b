/**
 * One place turns handler outcomes into MCP tool results: data goes out as text plus
 * structuredContent, and every thrown error becomes an `isError` result that says what to fix.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isRunbookError } from '../engine/errors.js';

/** `text` is what a model reads; `data` matches the tool's output schema. */
export function dataResult(text: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data };
}

function errorResult(error: unknown): CallToolResult {
  return { content: [{ type: 'text', text: describeError(error) }], isError: true };
}

export function describeError(error: unknown): string {
  if (isRunbookError(error)) return error.describe();
  const message = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${message}`;
}

/** Runs a tool handler; whatever it throws comes back as an error result, never as a crash. */
export async function runTool(handler: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await handler();
  } catch (error) {
    // A bug, not bad input: keep the stack for whoever reads the client's server log.
    if (!isRunbookError(error))
      process.stderr.write(
        `runbook mcp: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    return errorResult(error);
  }
}
