/** The Twilio SMS bench's result: its shape and the printed report (laid out like bench/ingest's). */
import type { BaselineResult } from '../lib/insert-baseline.js';
import type { LoadOptions } from '../lib/options.js';
import type { LatencyResult, ThroughputResult, WarmupResult } from '../lib/phases.js';
import { baselineLines, errorKindLines, headerLines, labelled, latencyLines, serverLogLines, socketLine, throughputLine, warmupLine } from '../lib/report.js';
import type { BenchResult } from '../lib/results.js';
import type { ConversationsResult, ExactlyOnceResult } from './exactly-once.js';
import type { PhaseTally } from './webhooks.js';

export const TARGETS = { p99MaxMs: 50 } as const;

export interface TwilioBenchResult extends BenchResult {
  bench: 'twilio';
  settings: LoadOptions & { senders: number; redeliveryPercent: number; publicUrl: string };
  warmup: WarmupResult & { byKind: PhaseTally };
  /** latency.httpMs (webhook start -> 200) is the headline; latencyMs adds the agent's event of the message ('incident.created' when it opened one, else 'message.created'). */
  latency: LatencyResult & { byKind: PhaseTally };
  throughput: ThroughputResult & { byKind: PhaseTally };
  baseline: BaselineResult;
  /** throughput / baseline. */
  ratio: number | null;
  exactlyOnce: ExactlyOnceResult;
  conversations: ConversationsResult;
  /** Requests the server made to its TWILIO_API_URL (the loopback sink). */
  twilioApi: { requests: number; first: string[] };
  targets: typeof TARGETS;
  met: { p99: boolean; exactlyOnce: boolean };
}

const kinds = (t: PhaseTally) => `${t.answered.opens} first from a number, ${t.answered.joins} joining, ${t.answered.redelivery} redeliveries`;

export function formatReport(r: TwilioBenchResult): string {
  const e = r.exactlyOnce;
  const c = r.conversations;
  const l = r.latency;
  const lines = [
    ...headerLines('Twilio SMS bench — signed webhooks, PostgreSQL + Redis (BullMQ, workers in-process)', r.environment, 'bench client and server'),
    warmupLine(r.warmup, 'webhooks'),
    throughputLine(r.throughput, `${r.throughput.accepted} answered 200 (${kinds(r.throughput.byKind)})`),
    ...baselineLines(r.baseline, r.ratio, null, ''),
    ...latencyLines(l, 'webhook', l.httpMs, { p99MaxMs: r.targets.p99MaxMs, met: r.met.p99 }, [
      ['+ agent socket', l.latencyMs],
      ['event only', l.eventMs],
      ['first from a no.', l.byKind.answerMs.opens],
      ['joining', l.byKind.answerMs.joins],
      ['redelivery', l.byKind.answerMs.redelivery],
    ]),
    labelled('', `(webhook = POST start -> 200 with empty TwiML; + agent socket = both the 200 and the message's event; ${kinds(l.byKind)})`),
    labelled(
      'exactly once',
      `${e.pass ? 'PASS' : 'FAIL'}  ${e.answeredMessageSids} distinct MessageSids answered 200 (+ ${e.redeliveriesAnswered} redeliveries), ${e.storedMessages} messages stored: ${e.storedTwice} stored twice, ${e.missing} missing, ${e.unknown} unknown`,
    ),
    ...e.reasons.map((reason) => labelled('', `- ${reason}`)),
    labelled('', `inbound events ${JSON.stringify(e.inboundEvents)}${e.storedUnanswered ? `; ${e.storedUnanswered} stored although their webhook got no 200 (Twilio would redeliver)` : ''}`),
    labelled(
      'conversations',
      `${c.senders} numbers -> ${c.incidents} incidents, ${c.joined} messages joined an open one; ${c.sendersWithSeveralIncidents} number(s) with more than one incident`,
    ),
    labelled('Twilio REST API', `${r.twilioApi.requests} request(s) to the loopback sink (TWILIO_API_URL)${r.twilioApi.first.length ? `: ${r.twilioApi.first.slice(0, 3).join(', ')}` : ''}`),
    socketLine(r.socket),
    ...errorKindLines(l.errorKinds, r.throughput.errorKinds),
    ...serverLogLines(r.server),
  ];
  return lines.join('\n');
}
