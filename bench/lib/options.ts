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
