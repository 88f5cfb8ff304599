/**
 * The floors to compare an intake with, in the bench's own database (table bench_baseline, dropped afterwards),
 * each statement a single-row INSERT (autocommit) of a payload like the one the server stores raw for a request:
 * - throughput: what this PostgreSQL commits with C connections, each starting its next INSERT at once;
 * - commit latency: one INSERT per arrival at the latency phase's rate (open loop), start -> committed. Every
 *   accepted request is one commit, so a disk whose WAL flushes stall shows here first: no intake's p99 at
 *   that rate can be below this one's.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { closedLoop, openLoop } from './load.js';
import { withClient } from './postgres.js';
import { round, summarize, type Summary } from './stats.js';

export interface BaselineResult {
  concurrency: number;
  durationMs: number;
  inserts: number;
  errors: number;
  ratePerSecond: number;
}

const INSERT = 'insert into bench_baseline (payload) values ($1)';

/** Runs fn with the table bench_baseline made for it, dropped afterwards whatever happens. */
async function withBaselineTable<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  await withClient(databaseUrl, (c) => c.query('create table bench_baseline (id bigserial primary key, payload jsonb not null, created_at timestamptz not null default now())'));
  try {
    return await fn();
  } finally {
    await withClient(databaseUrl, (c) => c.query('drop table if exists bench_baseline'));
  }
}

export interface CommitLatencyResult {
  ratePerSecond: number;
  durationMs: number;
  /** Connections the arrivals share (the server's pool holds as many). */
  connections: number;
  errors: number;
  /** Arrival -> committed. */
  latencyMs: Summary | null;
}

export async function measureInsertBaseline(
  databaseUrl: string,
  options: { concurrency: number; durationMs: number; payload: () => string },
  log: (msg: string) => void,
): Promise<BaselineResult> {
  log(`baseline: ${options.concurrency} connections of single-row INSERT commits for ${options.durationMs / 1000} s`);
  return withBaselineTable(databaseUrl, async () => {
    const clients: pg.Client[] = [];
    try {
      for (let i = 0; i < options.concurrency; i++) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        clients.push(client);
      }
      const r = await closedLoop({
        concurrency: options.concurrency,
        durationMs: options.durationMs,
        task: (w) => clients[w].query(INSERT, [options.payload()]),
      });
      return { concurrency: options.concurrency, durationMs: options.durationMs, inserts: r.completed, errors: r.errors, ratePerSecond: round(r.ratePerSecond, 1) };
    } finally {
      await Promise.allSettled(clients.map((c) => c.end()));
    }
  });
}

/** Commit latency at a fixed rate: one autocommit INSERT per arrival on a pool of `connections` (see the header). */
export async function measureCommitLatency(
  databaseUrl: string,
  options: { ratePerSecond: number; durationMs: number; maxInFlight: number; connections: number; payload: () => string },
  log: (msg: string) => void,
): Promise<CommitLatencyResult> {
  log(`commit latency: one single-row INSERT commit per arrival at ${options.ratePerSecond}/s for ${options.durationMs / 1000} s (${options.connections} connections)`);
  return withBaselineTable(databaseUrl, async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: options.connections });
    try {
      // Connections opened before the clock starts, as the server's are.
      await Promise.all(Array.from({ length: options.connections }, () => pool.connect())).then((cs) => cs.forEach((c) => c.release()));
      const latencies: number[] = [];
      let errors = 0;
      await openLoop({
        ratePerSecond: options.ratePerSecond,
        durationMs: options.durationMs,
        maxInFlight: options.maxInFlight,
        task: async () => {
          const start = performance.now();
          try {
            await pool.query(INSERT, [options.payload()]);
            latencies.push(performance.now() - start);
          } catch {
            errors++;
          }
        },
      });
      return { ratePerSecond: options.ratePerSecond, durationMs: options.durationMs, connections: options.connections, errors, latencyMs: summarize(latencies) };
    } finally {
      await pool.end();
    }
  });
}

/** throughput / baseline, or null without a baseline. */
export function baselineRatio(ratePerSecond: number, baseline: BaselineResult | null): number | null {
  return baseline && baseline.ratePerSecond > 0 ? round(ratePerSecond / baseline.ratePerSecond, 3) : null;
}
