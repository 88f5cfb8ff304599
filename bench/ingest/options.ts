/** Command-line options of the ingest bench, bounded so a run always ends in reasonable time. */
import { parseArgs } from 'node:util';
import { bounded, COMMON_OPTIONS, commonOptions, commonUsage, type CommonOptions } from '../lib/options.js';

export interface BenchOptions extends CommonOptions {
  mode: 'postgres' | 'embedded';
  warmupMs: number;
  durationMs: number;
  ratePerSecond: number;
  concurrency: number;
  maxInFlight: number;
  eventWaitMs: number;
}

export const USAGE = `Usage: node dist-bench/bench/ingest/run.js [options]
  --embedded            run the server in embedded mode (PGlite in a temp DATA_DIR, in-process jobs)
  --duration <s>        length of the latency, throughput and baseline phases (default 10, 1..60)
  --warmup <s>          warm-up length (default 2, 0..30)
  --rate <n>            submissions per second in the latency phase (default 200, 1..2000)
  --concurrency <n>     connections in the throughput and baseline phases (default 16, 1..256)
  --max-in-flight <n>   cap on requests in flight in the latency phase (default 64, 1..1024)
${commonUsage(22, '<mode>')}`;

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
      ...COMMON_OPTIONS,
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
    ...commonOptions(values),
  };
}
