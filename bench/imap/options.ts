/** Command-line options of the IMAP bench, bounded so a run always ends in reasonable time. */
import { parseArgs } from 'node:util';
import { bounded, COMMON_OPTIONS, commonOptions, commonUsage, oneOf, type CommonOptions } from '../lib/options.js';

export type Part = 'all' | 'latency' | 'sync';
export type FillMethod = 'maildir' | 'append';

export interface BenchOptions extends CommonOptions {
  part: Part;
  /** Latency: messages APPENDed (paced), after `warmup` unmeasured ones. */
  messages: number;
  ratePerSecond: number;
  warmup: number;
  /** How long to wait for outstanding events at the end of the latency phase. */
  eventWaitMs: number;
  /** Sync: messages already in the big mailbox before Switchboard first reads it. */
  mailboxSize: number;
  fill: FillMethod;
  /** Bound on the initial import of the big mailbox. */
  importTimeoutMs: number;
  /** After the new message's counters moved: how long to keep watching for more fetching. */
  settleMs: number;
}

export const USAGE = `Usage: node dist-bench/bench/imap/run.js [options]
  --part <p>              all (default), latency (APPEND -> socket only) or sync (big mailbox only)
  --messages <n>          messages APPENDed in the latency phase (default 200, 1..5000)
  --rate <n>              APPENDs per second in the latency phase (default 10, 0.1..200)
  --warmup <n>            unmeasured messages before the latency phase (default 5, 0..100)
  --event-wait <s>        wait for late events at the end of the latency phase (default 10, 1..120)
  --mailbox-size <n>      messages in the big mailbox before its first sync (default 10000, 1..50000)
  --fill <how>            maildir (default: files written into the maildir, Dovecot indexes them)
                          or append (parallel IMAP APPENDs)
  --import-timeout <s>    bound on the big mailbox's initial import (default 600, 10..1800)
  --settle <s>            after the new message is stored, keep watching the sync this long (default 2, 0..30)
${commonUsage(24, 'imap')}

Needs Dovecot (Debian package dovecot-imapd, /usr/sbin/dovecot) and root (Dovecot's mail processes run as
uid 65534). Only 127.0.0.1 is contacted: Dovecot, an SMTP sink and the server are started on free loopback ports.`;

/** Parsed options, or null when --help was asked for. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      part: { type: 'string' },
      messages: { type: 'string' },
      rate: { type: 'string' },
      warmup: { type: 'string' },
      'event-wait': { type: 'string' },
      'mailbox-size': { type: 'string' },
      fill: { type: 'string' },
      'import-timeout': { type: 'string' },
      settle: { type: 'string' },
      ...COMMON_OPTIONS,
    },
  });
  if (values.help) return null;
  return {
    part: oneOf(values.part, 'part', ['all', 'latency', 'sync'] as const, 'all'),
    messages: Math.round(bounded(values.messages, 'messages', 200, 1, 5000)),
    ratePerSecond: bounded(values.rate, 'rate', 10, 0.1, 200),
    warmup: Math.round(bounded(values.warmup, 'warmup', 5, 0, 100)),
    eventWaitMs: bounded(values['event-wait'], 'event-wait', 10, 1, 120) * 1000,
    mailboxSize: Math.round(bounded(values['mailbox-size'], 'mailbox-size', 10_000, 1, 50_000)),
    fill: oneOf(values.fill, 'fill', ['maildir', 'append'] as const, 'maildir'),
    importTimeoutMs: bounded(values['import-timeout'], 'import-timeout', 600, 10, 1800) * 1000,
    settleMs: bounded(values.settle, 'settle', 2, 0, 30) * 1000,
    ...commonOptions(values),
  };
}
