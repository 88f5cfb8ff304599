/**
 * The measurements of an intake (a public door that turns requests into messages the agent sees live):
 * warm-up, latency at a fixed rate (open loop: request start -> its answer, its socket event, both),
 * throughput at fixed concurrency (closed loop). What a request is belongs to the bench (`send`).
 */
import { performance } from 'node:perf_hooks';
import type { InboxWatcher } from './inbox.js';
import { closedLoop, openLoop } from './load.js';
import type { LoadOptions } from './options.js';
import { sendPacing, type SendPacing } from './pacing.js';
import { round, summarize, Tally, type Summary } from './stats.js';

export interface IntakeTarget {
  /**
   * One request. Resolves once it was accepted, with the key of the socket event it must cause (null:
   * none expected, e.g. a redelivery); rejects with a short description of what went wrong.
   */
  send(): Promise<string | null>;
  inbox: InboxWatcher;
  /** How long to wait for outstanding events at the end of a phase. */
  eventWaitMs: number;
}

export interface WarmupResult {
  durationMs: number;
  /** Requests accepted. */
  requests: number;
  errors: number;
}

export async function warmUp(t: IntakeTarget, durationMs: number, concurrency: number): Promise<WarmupResult> {
  const keys: string[] = [];
  let accepted = 0;
  const r = await closedLoop({
    concurrency,
    durationMs,
    task: async () => {
      const key = await t.send();
      accepted++;
      if (key !== null) keys.push(key);
    },
  });
  await t.inbox.waitForAll(keys, t.eventWaitMs);
  return { durationMs, requests: accepted, errors: r.errors };
}

/** The requests' pacing (a late send: held back more than 5 ms), then what became of them. */
export interface LatencyResult extends SendPacing {
  targetRate: number;
  durationMs: number;
  maxInFlight: number;
  accepted: number;
  errors: number;
  errorKinds: Record<string, number>;
  /** Accepted requests whose event did not arrive within the wait. */
  missingEvents: number;
  /** Request start -> both the answer and the event arrived (requests that expect an event). */
  latencyMs: Summary | null;
  /** Request start -> answer (every accepted request). */
  httpMs: Summary | null;
  /** Request start -> event. */
  eventMs: Summary | null;
}

export async function measureLatency(t: IntakeTarget, options: { ratePerSecond: number; durationMs: number; maxInFlight: number }): Promise<LatencyResult> {
  const records: Array<{ start: number; answeredAt?: number; key?: string | null }> = [];
  const errors = new Tally();
  const loop = await openLoop({
    ratePerSecond: options.ratePerSecond,
    durationMs: options.durationMs,
    maxInFlight: options.maxInFlight,
    task: async (i) => {
      const rec: (typeof records)[number] = { start: performance.now() };
      records[i] = rec;
      try {
        rec.key = await t.send();
        rec.answeredAt = performance.now();
      } catch (err) {
        errors.add((err as Error).message);
      }
    },
  });

  const accepted = records.filter((r) => r.answeredAt !== undefined);
  const withEvent = accepted.filter((r) => typeof r.key === 'string');
  const missing = await t.inbox.waitForAll(
    withEvent.map((r) => r.key!),
    t.eventWaitMs,
  );
  const both: number[] = [];
  const http = accepted.map((r) => r.answeredAt! - r.start);
  const event: number[] = [];
  for (const r of withEvent) {
    const at = t.inbox.arrivalOf(r.key!);
    if (at === undefined) continue;
    event.push(at - r.start);
    both.push(Math.max(at, r.answeredAt!) - r.start);
  }
  return {
    targetRate: options.ratePerSecond,
    durationMs: options.durationMs,
    maxInFlight: options.maxInFlight,
    ...sendPacing(loop, 1),
    accepted: accepted.length,
    errors: errors.total,
    errorKinds: errors.toJSON(),
    missingEvents: missing.length,
    latencyMs: summarize(both),
    httpMs: summarize(http),
    eventMs: summarize(event),
  };
}

export interface ThroughputResult {
  concurrency: number;
  durationMs: number;
  /** Accepted inside the window. */
  accepted: number;
  ratePerSecond: number;
  /**
   * Stored AND pushed: the messages whose agent event arrived, over the time from the first request to the
   * last such event. The honest ingest rate where the answer comes before the processing (Twilio).
   */
  processedPerSecond: number;
  errors: number;
  errorKinds: Record<string, number>;
  missingEvents: number;
}

export async function measureThroughput(t: IntakeTarget, options: { concurrency: number; durationMs: number }): Promise<ThroughputResult> {
  const keys: string[] = [];
  const errors = new Tally();
  const startedAt = performance.now();
  const r = await closedLoop({
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    task: async () => {
      try {
        const key = await t.send();
        if (key !== null) keys.push(key);
      } catch (err) {
        errors.add((err as Error).message);
        throw err;
      }
    },
  });
  const missing = await t.inbox.waitForAll(keys, t.eventWaitMs);
  const arrivals = keys.map((k) => t.inbox.arrivalOf(k)).filter((a): a is number => a !== undefined);
  const lastArrival = arrivals.length ? Math.max(...arrivals) : startedAt;
  return {
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    accepted: r.completed,
    ratePerSecond: round(r.ratePerSecond, 1),
    processedPerSecond: lastArrival > startedAt ? round(arrivals.length / ((lastArrival - startedAt) / 1000), 1) : 0,
    errors: errors.total,
    errorKinds: errors.toJSON(),
    missingEvents: missing.length,
  };
}

export type IntakePhase = 'warmup' | 'latency' | 'throughput';

/** Warm-up (4 concurrent), latency at the rate, then throughput at the concurrency; `ended` is told after each. */
export async function measureIntake(
  t: IntakeTarget,
  options: { warmupMs: number; ratePerSecond: number; durationMs: number; maxInFlight: number; concurrency: number },
  log: (msg: string) => void,
  ended: (phase: IntakePhase) => void = () => undefined,
): Promise<{ warmup: WarmupResult; latency: LatencyResult; throughput: ThroughputResult }> {
  log(`warm-up ${options.warmupMs / 1000} s`);
  const warmup = await warmUp(t, options.warmupMs, 4);
  ended('warmup');
  log(`latency: ${options.ratePerSecond}/s for ${options.durationMs / 1000} s (open loop, at most ${options.maxInFlight} in flight)`);
  const latency = await measureLatency(t, options);
  ended('latency');
  log(`throughput: closed loop C=${options.concurrency} for ${options.durationMs / 1000} s`);
  const throughput = await measureThroughput(t, options);
  ended('throughput');
  return { warmup, latency, throughput };
}

/** Whether `headline`'s p99 met the target; errors, missing events or abandoned sends make the figure meaningless: a miss. */
export function latencyMet(l: LatencyResult, headline: Summary | null, p99MaxMs: number): boolean {
  return headline !== null && headline.p99 <= p99MaxMs && l.errors === 0 && l.missingEvents === 0 && l.abandoned === 0;
}

/** The load settings as the results record them (without the bench's other options). */
export function loadSettings(o: LoadOptions): LoadOptions {
  return { warmupMs: o.warmupMs, durationMs: o.durationMs, ratePerSecond: o.ratePerSecond, concurrency: o.concurrency, maxInFlight: o.maxInFlight, eventWaitMs: o.eventWaitMs };
}
