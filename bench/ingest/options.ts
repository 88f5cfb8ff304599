/** Command-line options of the ingest bench, bounded so a run always ends in reasonable time. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  mode: 'postgres' | 'embedded';
  warmupMs: number;
  durationMs: number;
  ratePerSecond: number;
  concurrency: number;
  maxInFlight: number;
  eventWaitMs: number;
  /** postgres://... of the maintenance database (postgres) on this machine. */
  pgAdminUrl: string;
  redisUrl: string;
  /** Sample the server's CPU and write bench/results/server-<mode>.cpuprofile. */
  profile: boolean;
}

export const USAGE = `Usage: node dist-bench/bench/ingest/run.js [options]
  --embedded            run the server in embedded mode (PGlite in a temp DATA_DIR, in-process jobs)
  --duration <s>        length of the latency, throughput and baseline phases (default 10, 1..60)
  --warmup <s>          warm-up length (default 2, 0..30)
  --rate <n>            submissions per second in the latency phase (default 200, 1..2000)
  --concurrency <n>     connections in the throughput and baseline phases (default 16, 1..256)
  --max-in-flight <n>   cap on requests in flight in the latency phase (default 64, 1..1024)
  --pg-url <url>        PostgreSQL maintenance database (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --redis-url <url>     Redis (default $BENCH_REDIS_URL or redis://127.0.0.1:6379)
  --profile             sample the server's CPU: bench/results/server-<mode>.cpuprofile and a top-functions summary
  --help`;

function bounded(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Parsed options, or null when --help was asked for. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      embedded: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      'max-in-flight': { type: 'string' },
      'pg-url': { type: 'string' },
      'redis-url': { type: 'string' },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  return {
    mode: values.embedded ? 'embedded' : 'postgres',
    durationMs: bounded(values.duration, 'duration', 10, 1, 60) * 1000,
    warmupMs: bounded(values.warmup, 'warmup', 2, 0, 30) * 1000,
    ratePerSecond: bounded(values.rate, 'rate', 200, 1, 2000),
    concurrency: Math.round(bounded(values.concurrency, 'concurrency', 16, 1, 256)),
    maxInFlight: Math.round(bounded(values['max-in-flight'], 'max-in-flight', 64, 1, 1024)),
    eventWaitMs: 5000,
    pgAdminUrl: values['pg-url'] ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: values['redis-url'] ?? process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    profile: values.profile ?? false,
  };
}
