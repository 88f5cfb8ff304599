/**
 * Command-line pieces every bench shares: bounded numbers, one-of choices, and the options for the
 * machine's services and the server's CPU profile (--pg-url, --redis-url, --profile, --help).
 */

/** `raw` as a number from min to max, `fallback` when absent; throws naming the option otherwise. */
export function bounded(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** `raw` if it is one of `allowed`, `fallback` when absent; throws naming the option otherwise. */
export function oneOf<T extends string>(raw: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** parseArgs options every bench takes, to spread into its own. */
export const COMMON_OPTIONS = {
  'pg-url': { type: 'string' },
  'redis-url': { type: 'string' },
  profile: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

export interface CommonOptions {
  /** postgres://... of the maintenance database (postgres) on this machine. */
  pgAdminUrl: string;
  redisUrl: string;
  /** Sample the server's CPU and write bench/results/server-<name>.cpuprofile. */
  profile: boolean;
}

/** The common options' values, with their defaults (environment, then this machine). */
export function commonOptions(values: { 'pg-url'?: string; 'redis-url'?: string; profile?: boolean }): CommonOptions {
  return {
    pgAdminUrl: values['pg-url'] ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: values['redis-url'] ?? process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    profile: values.profile ?? false,
  };
}

/** The usage lines of the common options, their texts starting at column 2 + `width`. */
export function commonUsage(width: number, serverName: string): string {
  const rows = [
    ['--pg-url <url>', 'PostgreSQL maintenance database (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)'],
    ['--redis-url <url>', 'Redis (default $BENCH_REDIS_URL or redis://127.0.0.1:6379)'],
    ['--profile', `sample the server's CPU: bench/results/server-${serverName}.cpuprofile and a top-functions summary`],
  ];
  return [...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`), '  --help'].join('\n');
}

/** parseArgs options of the benches that load an intake (ingest, twilio): phase lengths, rate, concurrency. */
export const LOAD_OPTIONS = {
  duration: { type: 'string' },
  warmup: { type: 'string' },
  rate: { type: 'string' },
  concurrency: { type: 'string' },
  'max-in-flight': { type: 'string' },
} as const;

export interface LoadOptions {
  warmupMs: number;
  /** Length of the latency, throughput and baseline phases. */
  durationMs: number;
  /** Requests per second in the latency phase (open loop). */
  ratePerSecond: number;
  /** Connections in the throughput and baseline phases (closed loop). */
  concurrency: number;
  /** Cap on requests in flight in the latency phase. */
  maxInFlight: number;
  /** At the end of a phase, how long to wait for outstanding socket events with none arriving (a backlog being worked through keeps it waiting). */
  eventWaitMs: number;
}

/** The load options' values; `defaultRate` is the bench's own. */
export function loadOptions(
  values: { duration?: string; warmup?: string; rate?: string; concurrency?: string; 'max-in-flight'?: string },
  defaultRate: number,
): LoadOptions {
  return {
    durationMs: bounded(values.duration, 'duration', 10, 1, 60) * 1000,
    warmupMs: bounded(values.warmup, 'warmup', 2, 0, 30) * 1000,
    ratePerSecond: bounded(values.rate, 'rate', defaultRate, 1, 2000),
    concurrency: Math.round(bounded(values.concurrency, 'concurrency', 16, 1, 256)),
    maxInFlight: Math.round(bounded(values['max-in-flight'], 'max-in-flight', 64, 1, 1024)),
    eventWaitMs: 5000,
  };
}

/** The usage lines of the load options (`what`: "submissions", "webhooks"), texts at column 2 + `width`. */
export function loadUsage(width: number, what: string, defaultRate: number): string {
  const rows = [
    ['--duration <s>', 'length of the latency, throughput and baseline phases (default 10, 1..60)'],
    ['--warmup <s>', 'warm-up length (default 2, 0..30)'],
    ['--rate <n>', `${what} per second in the latency phase (default ${defaultRate}, 1..2000)`],
    ['--concurrency <n>', 'connections in the throughput and baseline phases (default 16, 1..256)'],
    ['--max-in-flight <n>', 'cap on requests in flight in the latency phase (default 64, 1..1024)'],
  ];
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`).join('\n');
}
