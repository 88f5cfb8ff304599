/** Command-line options of the route bench, bounded so a run always ends in reasonable time. */
import { parseArgs } from 'node:util';
import { bounded, COMMON_OPTIONS, commonOptions } from '../lib/options.js';
import { INCIDENTS_PER_CUSTOMER } from './dataset.js';

export interface RouteOptions {
  /** postgres://... of the maintenance database on this machine. */
  pgAdminUrl: string;
  /** Incidents of the baseline size and of the large size. */
  small: number;
  large: number;
  /** Decisions measured per size, after `warmup` unmeasured ones. */
  requests: number;
  warmup: number;
  /** Print EXPLAIN (ANALYZE, BUFFERS) of the candidates and technicians queries at each size. */
  explain: boolean;
}

export const USAGE = `Usage: node dist-bench/bench/route/run.js [options]
  --small <n>         incidents in the baseline database (default 10000, 1000..200000)
  --large <n>         incidents it grows to (default 1000000, 10000..2000000, more than --small)
  --requests <n>      decisions measured per size (default 2000, 100..20000)
  --warmup <n>        decisions made first at each size, not measured (default 200, 0..5000)
  --explain           print EXPLAIN (ANALYZE, BUFFERS) of the candidates and technicians queries at each size
  --pg-url <url>      PostgreSQL maintenance database (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --help`;

const multiple = (n: number) => Math.round(n / INCIDENTS_PER_CUSTOMER) * INCIDENTS_PER_CUSTOMER;

/** Parsed options, or null when --help was asked for; throws on a bad option. */
export function parseOptions(argv: string[]): RouteOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      small: { type: 'string' },
      large: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      explain: { type: 'boolean', default: false },
      'pg-url': COMMON_OPTIONS['pg-url'],
      help: COMMON_OPTIONS.help,
    },
  });
  if (values.help) return null;
  const small = multiple(bounded(values.small, 'small', 10_000, 1_000, 200_000));
  const large = multiple(bounded(values.large, 'large', 1_000_000, 10_000, 2_000_000));
  if (large <= small) throw new Error(`--large (${large}) must be more than --small (${small})`);
  return {
    pgAdminUrl: commonOptions(values).pgAdminUrl,
    small,
    large,
    requests: Math.round(bounded(values.requests, 'requests', 2000, 100, 20_000)),
    warmup: Math.round(bounded(values.warmup, 'warmup', 200, 0, 5000)),
    explain: values.explain ?? false,
  };
}
