/**
 * The floor to compare ingest with: what this PostgreSQL does with C connections each committing
 * single-row INSERTs (autocommit) of a payload like the one the server stores for a submission.
 */
import pg from 'pg';
import { closedLoop } from '../lib/load.js';
import { round } from '../lib/stats.js';
import { withClient } from '../lib/postgres.js';

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
): Promise<BaselineResult> {
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
