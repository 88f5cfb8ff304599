/** Command-line options of the Twilio SMS bench, bounded so a run always ends in reasonable time. */
import { parseArgs } from 'node:util';
import { bounded, COMMON_OPTIONS, commonOptions, commonUsage, LOAD_OPTIONS, loadOptions, loadUsage, type CommonOptions, type LoadOptions } from '../lib/options.js';

export interface BenchOptions extends CommonOptions, LoadOptions {
  /** Distinct sender numbers: each one's first message opens an incident, the next ones join it. */
  senders: number;
  /** Percentage of webhooks that redeliver an already-sent MessageSid. */
  redeliveryPercent: number;
}

const RATE = 100;

export const USAGE = `Usage: node dist-bench/bench/twilio/run.js [options]
${loadUsage(22, 'webhooks', RATE)}
  --senders <n>         distinct sender numbers, Spanish mobiles (default 2000, 1..100000)
  --redeliveries <pct>  share of webhooks that redeliver an already-sent MessageSid (default 5, 0..50)
${commonUsage(22, 'twilio')}

Signed inbound-SMS webhooks (POST /api/channels/twilio/<channel>/inbound) against the built server on
PostgreSQL + Redis. Only 127.0.0.1 is contacted: the server's TWILIO_API_URL is a loopback sink, and
PUBLIC_URL (the address the signatures are over) is never called.`;

/** Parsed options, or null when --help was asked for. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { senders: { type: 'string' }, redeliveries: { type: 'string' }, ...LOAD_OPTIONS, ...COMMON_OPTIONS },
  });
  if (values.help) return null;
  return {
    ...loadOptions(values, RATE),
    senders: Math.round(bounded(values.senders, 'senders', 2000, 1, 100_000)),
    redeliveryPercent: bounded(values.redeliveries, 'redeliveries', 5, 0, 50),
    ...commonOptions(values),
  };
}
