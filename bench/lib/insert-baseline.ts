/**
 * The floor to compare an intake with: what this PostgreSQL does with C connections each committing
 * single-row INSERTs (autocommit) of a payload like the one the server stores raw for a request, in the
 * bench's own database (table bench_baseline, dropped afterwards).
 */
import pg from 'pg';
import { closedLoop } from './load.js';
import { withClient } from './postgres.js';
import { round } from './stats.js';

export interface BaselineResult {
  concurrency: number;
  durationMs: number;
  inserts: number;
  errors: number;
  ratePerSecond: number;
}

const INSERT = 'insert into bench_baseline (payload) values ($1)';

export async function measureInsertBaseline(
  databaseUrl: string,
  options: { concurrency: number; durationMs: number; payload: () => string },
  log: (msg: string) => void,
): Promise<BaselineResult> {
  log(`baseline: ${options.concurrency} connections of single-row INSERT commits for ${options.durationMs / 1000} s`);
  await withClient(databaseUrl, (c) =>
    c.query('create table bench_baseline (id bigserial primary key, payload jsonb not null, created_at timestamptz not null default now())'),
  );
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
    await withClient(databaseUrl, (c) => c.query('drop table if exists bench_baseline'));
  }
}

/** throughput / baseline, or null without a baseline. */
export function baselineRatio(ratePerSecond: number, baseline: BaselineResult | null): number | null {
  return baseline && baseline.ratePerSecond > 0 ? round(ratePerSecond / baseline.ratePerSecond, 3) : null;
}
