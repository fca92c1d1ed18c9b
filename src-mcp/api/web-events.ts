import type { ServerResponse } from 'node:http';
import type { AppEvent } from './contract.js';

const HEARTBEAT_MS = 20_000;

/** Server-sent events: every connected page gets each AppEvent as one `data:` line of JSON. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // A comment line keeps proxies and idle timeouts from closing a quiet stream.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  attach(res: ServerResponse, initial: AppEvent[]): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    for (const event of initial) res.write(frame(event));
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  broadcast(event: AppEvent): void {
    this.write(frame(event));
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}

function frame(event: AppEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}
