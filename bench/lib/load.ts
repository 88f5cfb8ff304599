/**
 * Load shapes.
 * - openLoop: requests start at fixed times (rate per second) whatever the answers do, with a cap on
 *   requests in flight; a start held back by the cap is counted as late.
 * - closedLoop: N workers, each starting its next request when the previous one ends.
 * Both are bounded in time and count.
 */
import { performance } from 'node:perf_hooks';

export interface OpenLoopOptions {
  ratePerSecond: number;
  durationMs: number;
  maxInFlight: number;
  /** Called at each scheduled start; the promise is the request (its failure is the task's business). */
  task: (index: number) => Promise<unknown>;
  /** A start later than this after its scheduled time counts as late (default 5 ms). */
  lateAfterMs?: number;
  /** No start later than this after the first (default durationMs + 10 s): the rest is abandoned. */
  giveUpAfterMs?: number;
}

export interface OpenLoopResult {
  scheduled: number;
  started: number;
  /** Starts later than lateAfterMs after their scheduled time (cap reached or a busy event loop). */
  late: number;
  /** Scheduled starts given up at giveUpAfterMs because the target could not keep up. */
  abandoned: number;
  maxLagMs: number;
  /** From the first scheduled start to the last request's end. */
  elapsedMs: number;
  /** started / send window (first start to one interval after the last). */
  achievedRate: number;
}

export function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { ratePerSecond, durationMs, maxInFlight, task } = options;
  const lateAfterMs = options.lateAfterMs ?? 5;
  const giveUpAfterMs = options.giveUpAfterMs ?? durationMs + 10_000;
  const intervalMs = 1000 / ratePerSecond;
  const total = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const t0 = performance.now();
  const due = (i: number) => t0 + i * intervalMs;

  let next = 0;
  let abandoned = 0;
  let inFlight = 0;
  let late = 0;
  let maxLagMs = 0;
  let lastStart = t0;
  let timer: NodeJS.Timeout | undefined;

  return new Promise<OpenLoopResult>((resolve) => {
    const finish = () => {
      const elapsedMs = performance.now() - t0;
      const window = lastStart - t0 + intervalMs;
      const started = next - abandoned;
      resolve({ scheduled: total, started, late, abandoned, maxLagMs, elapsedMs, achievedRate: (started / window) * 1000 });
    };

    const pump = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      let now = performance.now();
      if (next < total && now - t0 > giveUpAfterMs) {
        abandoned = total - next;
        next = total;
      }
      while (next < total && due(next) <= now && inFlight < maxInFlight) {
        const lag = now - due(next);
        if (lag > lateAfterMs) late++;
        if (lag > maxLagMs) maxLagMs = lag;
        lastStart = now;
        inFlight++;
        void task(next++)
          .catch(() => undefined)
          .finally(() => {
            inFlight--;
            pump();
          });
        now = performance.now();
      }
      if (next >= total) {
        if (inFlight === 0) finish();
        return;
      }
      // At the cap: a completion calls pump(). Otherwise wake up at the next start time.
      if (inFlight < maxInFlight) timer = setTimeout(pump, Math.max(0, due(next) - performance.now()));
    };
    pump();
  });
}

export interface ClosedLoopOptions {
  concurrency: number;
  durationMs: number;
  /** One request by worker `worker`; resolve = success, reject = error. */
  task: (worker: number) => Promise<unknown>;
}

export interface ClosedLoopResult {
  /** Successful requests that ended inside the window. */
  completed: number;
  /** Failed requests that ended inside the window. */
  errors: number;
  /** Requests still running at the end of the window (awaited, not counted). */
  overran: number;
  durationMs: number;
  ratePerSecond: number;
}

export async function closedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const { concurrency, durationMs, task } = options;
  const start = performance.now();
  const end = start + durationMs;
  let completed = 0;
  let errors = 0;
  let overran = 0;

  const worker = async (w: number) => {
    while (performance.now() < end) {
      let ok = true;
      try {
        await task(w);
      } catch {
        ok = false;
      }
      if (performance.now() > end) overran++;
      else if (ok) completed++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { completed, errors, overran, durationMs, ratePerSecond: (completed / durationMs) * 1000 };
}
