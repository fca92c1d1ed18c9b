/**
 * Coalesces a burst of file events (a checkout, an editor's temp-file save) into one call:
 * applied after a quiet spell, or at the latest after maxWaitMs, one batch at a time.
 */
export class ChangeBatch {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly apply: (paths: string[]) => Promise<unknown>,
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(relativePath: string): void {
    if (this.pending.size === 0) this.firstAt = Date.now();
    this.pending.add(relativePath);
    this.schedule();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const untilMax = this.maxWaitMs - (Date.now() - this.firstAt);
    this.timer = setTimeout(
      () => void this.flush(),
      Math.max(0, Math.min(this.debounceMs, untilMax)),
    );
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    // One batch at a time; events that arrive meanwhile wait for the next one.
    if (this.running) return void this.running.then(() => this.pending.size > 0 && this.schedule());
    if (this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    this.running = this.apply(paths).then(
      () => undefined,
      (error: unknown) => this.onError(error),
    );
    await this.running;
    this.running = undefined;
  }
}
