/** Small statistics for benchmark samples (milliseconds unless said otherwise). */

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile: the smallest sample with at least `p`% of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Times `run` once, in milliseconds. */
export async function timeMs(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes on every platform Node supports.
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
