/**
 * stdio transport that answers bad input instead of dropping it. The SDK's transport ignores a
 * line that is not JSON-RPC (the client then waits forever for its answer) and shuts down when a
 * line outgrows its buffer; this one replies with the JSON-RPC error and keeps serving.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ClientRequestSchema,
  JSONRPCMessageSchema,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
/** Far above any real request (a runbook is at most 1 MiB); a bigger line is dropped and answered. */
const MAX_LINE_BYTES = 32 * 1024 * 1024;

type Id = string | number | null;

/** The schema of each request a client may send, by method. */
const requestSchemas = new Map(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value as string, schema]),
);

export class LineStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private pendingBytes = 0;
  private skippingLongLine = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
  }

  async close(): Promise<void> {
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.input.pause();
    this.chunks = [];
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once('drain', resolve);
    });
  }

  private readonly onInputError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer | string) => {
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a)) {
      this.pushPart(data.subarray(0, newline));
      this.endLine();
      data = data.subarray(newline + 1);
    }
    this.pushPart(data);
  };

  private pushPart(part: Buffer): void {
    if (this.skippingLongLine || part.length === 0) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > MAX_LINE_BYTES) {
      this.chunks = [];
      this.pendingBytes = 0;
      this.skippingLongLine = true;
      return;
    }
    this.chunks.push(part);
  }

  private endLine(): void {
    if (this.skippingLongLine) {
      this.skippingLongLine = false;
      void this.reply(
        null,
        INVALID_REQUEST,
        `Request larger than ${MAX_LINE_BYTES} bytes; it was ignored.`,
      );
      return;
    }
    const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.pendingBytes = 0;
    if (line.trim() !== '') this.handleLine(line);
  }

  private handleLine(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      void this.reply(null, PARSE_ERROR, 'Parse error: the line is not JSON.');
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (parsed.success) {
      if (this.hasValidParams(parsed.data)) this.onmessage?.(parsed.data);
      return;
    }
    const id = requestId(value);
    // A broken notification or response gets no reply: the other side expects none.
    if (id !== undefined)
      void this.reply(
        id,
        INVALID_REQUEST,
        `Invalid request: ${parsed.error.issues[0]?.message ?? 'not JSON-RPC 2.0'}.`,
      );
    this.onerror?.(new Error(`Ignored a message that is not JSON-RPC: ${line.slice(0, 200)}`));
  }

  /** The SDK would answer a known method with bad params as an internal error (-32603); say -32602. */
  private hasValidParams(message: JSONRPCMessage): boolean {
    if (!('method' in message) || !('id' in message)) return true;
    const schema = requestSchemas.get(message.method);
    const checked = schema?.safeParse(message);
    if (!checked || checked.success) return true;
    const issue = checked.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    void this.reply(
      message.id,
      INVALID_PARAMS,
      `Invalid params for ${message.method}${where}: ${issue?.message ?? 'invalid'}.`,
    );
    return false;
  }

  private reply(id: Id, code: number, message: string): Promise<void> {
    return this.send({ jsonrpc: '2.0', id, error: { code, message } } as unknown as JSONRPCMessage);
  }
}

/** The id to answer: a request's own id, or null when the message is not even an object. */
function requestId(value: unknown): Id | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (!('method' in record)) return 'id' in record ? undefined : null;
  const id = record.id;
  if (typeof id === 'string' || typeof id === 'number') return id;
  return 'id' in record ? null : undefined;
}
