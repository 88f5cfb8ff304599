/**
 * The ingest measurements against a running server: warm-up, latency at a fixed rate (open loop,
 * POST start -> both the 202 and the agent's 'incident.created' arrived), throughput (closed loop).
 */
import { performance } from 'node:perf_hooks';
import type { HttpClient } from '../lib/http.js';
import type { InboxWatcher } from '../lib/inbox.js';
import { closedLoop, openLoop } from '../lib/load.js';
import { sendPacing, type SendPacing } from '../lib/pacing.js';
import { round, summarize, Tally, type Summary } from '../lib/stats.js';
import type { Submissions } from './submissions.js';

export interface IntakeTarget {
  /** Anonymous client (no cookies), like a customer's browser. */
  client: HttpClient;
  /** /api/channels/webform/<key> */
  path: string;
  submissions: Submissions;
  inbox: InboxWatcher;
  /** How long to wait for outstanding 'incident.created' events at the end of a phase. */
  eventWaitMs: number;
}

/** One submission; resolves the reference, rejects with a short description of what went wrong. */
async function submitOne(t: IntakeTarget): Promise<string> {
  let res;
  try {
    res = await t.client.post<{ reference?: unknown }>(t.path, t.submissions.next());
  } catch (err) {
    throw new Error(`network: ${(err as Error).message}`);
  }
  if (res.status !== 202) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 240)}`);
  const ref = res.body && typeof res.body === 'object' ? res.body.reference : undefined;
  if (typeof ref !== 'string' || ref === '') throw new Error(`HTTP 202 without a reference: ${res.text.slice(0, 240)}`);
  return ref;
}

export interface WarmupResult {
  durationMs: number;
  submissions: number;
  errors: number;
}

export async function warmUp(t: IntakeTarget, durationMs: number, concurrency: number): Promise<WarmupResult> {
  const refs: string[] = [];
  const r = await closedLoop({ concurrency, durationMs, task: async () => refs.push(await submitOne(t)) });
  await t.inbox.waitForAll(refs, t.eventWaitMs);
  return { durationMs, submissions: refs.length, errors: r.errors };
}

/** The submissions' pacing (a late send: held back more than 5 ms), then what became of them. */
export interface LatencyResult extends SendPacing {
  targetRate: number;
  durationMs: number;
  maxInFlight: number;
  accepted: number;
  errors: number;
  errorKinds: Record<string, number>;
  /** Accepted submissions whose 'incident.created' did not arrive within the wait. */
  missingEvents: number;
  /** POST start -> both the answer and the event arrived. The headline figure. */
  latencyMs: Summary | null;
  /** POST start -> answer. */
  httpMs: Summary | null;
  /** POST start -> event. */
  eventMs: Summary | null;
}

export async function measureLatency(
  t: IntakeTarget,
  options: { ratePerSecond: number; durationMs: number; maxInFlight: number },
): Promise<LatencyResult> {
  const records: Array<{ start: number; answeredAt?: number; reference?: string }> = [];
  const errors = new Tally();
  const loop = await openLoop({
    ratePerSecond: options.ratePerSecond,
    durationMs: options.durationMs,
    maxInFlight: options.maxInFlight,
    task: async (i) => {
      const rec: (typeof records)[number] = { start: performance.now() };
      records[i] = rec;
      try {
        rec.reference = await submitOne(t);
        rec.answeredAt = performance.now();
      } catch (err) {
        errors.add((err as Error).message);
      }
    },
  });

  const accepted = records.filter((r) => r.reference !== undefined);
  const missing = await t.inbox.waitForAll(
    accepted.map((r) => r.reference!),
    t.eventWaitMs,
  );
  const both: number[] = [];
  const http: number[] = [];
  const event: number[] = [];
  for (const r of accepted) {
    http.push(r.answeredAt! - r.start);
    const at = t.inbox.arrivalOf(r.reference!);
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
  /** Accepted (202 with a reference) inside the window. */
  accepted: number;
  ratePerSecond: number;
  errors: number;
  errorKinds: Record<string, number>;
  missingEvents: number;
}

export async function measureThroughput(t: IntakeTarget, options: { concurrency: number; durationMs: number }): Promise<ThroughputResult> {
  const refs: string[] = [];
  const errors = new Tally();
  const r = await closedLoop({
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    task: async () => {
      try {
        refs.push(await submitOne(t));
      } catch (err) {
        errors.add((err as Error).message);
        throw err;
      }
    },
  });
  const missing = await t.inbox.waitForAll(refs, t.eventWaitMs);
  return {
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    accepted: r.completed,
    ratePerSecond: round(r.ratePerSecond, 1),
    errors: errors.total,
    errorKinds: errors.toJSON(),
    missingEvents: missing.length,
  };
}
