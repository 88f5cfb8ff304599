/** Command-line options of the ingest bench, bounded so a run always ends in reasonable time. */
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, commonOptions, commonUsage, LOAD_OPTIONS, loadOptions, loadUsage, type CommonOptions, type LoadOptions } from '../lib/options.js';

export interface BenchOptions extends CommonOptions, LoadOptions {
  mode: 'postgres' | 'embedded';
}

const RATE = 200;

export const USAGE = `Usage: node dist-bench/bench/ingest/run.js [options]
  --embedded            run the server in embedded mode (PGlite in a temp DATA_DIR, in-process jobs)
${loadUsage(22, 'submissions', RATE)}
${commonUsage(22, '<mode>')}`;

/** Parsed options, or null when --help was asked for. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { embedded: { type: 'boolean', default: false }, ...LOAD_OPTIONS, ...COMMON_OPTIONS },
  });
  if (values.help) return null;
  return { mode: values.embedded ? 'embedded' : 'postgres', ...loadOptions(values, RATE), ...commonOptions(values) };
}
