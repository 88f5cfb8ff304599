/** Small, dependency-free statistics for latency samples (milliseconds). */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending-sorted array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0];
  if (p >= 100) return sorted[sorted.length - 1];
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Summary of the samples, or null when there are none. */
export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    count: sorted.length,
    min: round(sorted[0]),
    mean: round(sum / sorted.length),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
  };
}

/** Rounds to `digits` decimals (figures in reports and JSON). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Counts occurrences of short strings (error kinds), keeping at most `limit` distinct ones. */
export class Tally {
  private readonly counts = new Map<string, number>();
  private dropped = 0;

  constructor(private readonly limit = 20) {}

  add(key: string): void {
    const k = key.length > 300 ? `${key.slice(0, 300)}…` : key;
    if (!this.counts.has(k) && this.counts.size >= this.limit) {
      this.dropped++;
      return;
    }
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  get total(): number {
    let n = this.dropped;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  toJSON(): Record<string, number> {
    const out = Object.fromEntries([...this.counts.entries()].sort((a, b) => b[1] - a[1]));
    if (this.dropped) out['(other kinds)'] = this.dropped;
    return out;
  }
}
