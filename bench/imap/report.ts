/** The IMAP bench's result: its shape and the printed report. */
import { headerLines, ms, pcts, serverLogLines, socketLine, verdict } from '../lib/report.js';
import type { BenchResult, Environment } from '../lib/results.js';
import { WIRE_ALLOWANCE_BYTES, type SyncResult } from './big-mailbox.js';
import type { LatencyResult } from './latency.js';
import type { Part } from './options.js';

export const TARGETS = { p99MaxMs: 2000 } as const;

export interface ImapBenchResult extends BenchResult {
  bench: 'imap';
  part: Part;
  environment: Environment & { dovecot: string };
  settings: {
    messages: number;
    ratePerSecond: number;
    warmup: number;
    eventWaitMs: number;
    mailboxSize: number;
    fill: string;
    importTimeoutMs: number;
    settleMs: number;
  };
  latency: LatencyResult | null;
  sync: SyncResult | null;
  targets: typeof TARGETS;
  met: { p99: boolean | null; onlyTheNewOne: boolean | null };
}

const signedMs = (v: number) => `${v < 0 ? '-' : '+'}${Math.abs(v).toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const secs = (v: number) => (v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const n = (v: number) => v.toLocaleString('en-US');

function latencyLines(l: LatencyResult, met: boolean | null): string[] {
  return [
    `  APPEND -> agent's socket   ${l.appended} messages at ${l.targetRate}/s into "${l.mailbox}" (IMAP IDLE; ${l.warmup.messages} warm-up messages before, ${l.warmup.received} arrived)`,
    `    switchboard      ${pcts(l.switchboardMs)}  (target p99 <= ${TARGETS.p99MaxMs} ms)${verdict(met)}`,
    `    baseline IDLE    ${pcts(l.baselineMs)}  (a bare imapflow client in IDLE on the same mailbox: APPEND start -> EXISTS)`,
    `    switchboard adds ${l.switchboardMs && l.baselineMs ? `p50 ${signedMs(l.switchboardMs.p50 - l.baselineMs.p50)}, p99 ${signedMs(l.switchboardMs.p99 - l.baselineMs.p99)} over the baseline (Dovecot batches IDLE news per connection for up to 500 ms)` : '-'}`,
    `    APPEND itself    ${pcts(l.appendMs)}  (APPEND start -> OK)`,
    `                     achieved ${l.achievedRate}/s, sent ${l.sent}/${l.scheduled}${l.abandoned ? ` (${l.abandoned} abandoned)` : ''}, APPEND errors ${l.appendErrors}, missing events ${l.missingEvents}, missing EXISTS ${l.missingBaseline}, late sends ${l.lateSends} (max lag ${ms(l.maxSendLagMs)})`,
    ...Object.entries(l.errorKinds).map(([k, c]) => `      ${String(c).padStart(6)}  ${k}`),
  ];
}

function syncLines(s: SyncResult): string[] {
  const f = s.fill;
  const i = s.import;
  const lines = [
    `  ${n(s.mailboxSize)}-message mailbox "${s.mailbox}"`,
    `    fill             ${n(f.messages)} messages, ${mb(f.bytes)} ${f.method === 'maildir' ? 'written as maildir files' : 'APPENDed on 8 connections'} in ${secs(f.writeMs)}; Dovecot indexed them in ${secs(f.indexMs)}`,
    `    initial import   ${n(i.fetchedMessages)}/${n(s.mailboxSize)} messages, ${mb(i.fetchedBytes)} in ${secs(i.durationMs)} = ${i.messagesPerSecond} messages/s${i.complete ? '' : '  (NOT finished within the bound)'} (first stored after ${ms(i.firstMessageMs)})`,
    `                     incidents ${n(i.incidents)}, socket events ${n(i.socketEvents)}, IMAP wire Dovecot -> Switchboard ${mb(i.wireDownBytes)}`,
    `                     database per message: ${i.db.commitsPerMessage} commits, ${i.db.rowsInsertedPerMessage} rows inserted, ${i.db.rowsUpdatedPerMessage} updated, ${i.db.rollbacks} rollbacks${i.db.seqScans.length ? `; sequential scans: ${i.db.seqScans.map((t) => `${t.table} ${n(t.scans)}x (${n(t.rowsRead)} rows)`).join(', ')}` : ''}`,
    `                     acknowledgements: ${n(i.acknowledgementsSent)} mailed to the SMTP sink, outbox ${JSON.stringify(i.outbox)}${i.outboxDrainMs !== null ? `, drained ${secs(i.outboxDrainMs)} after the import` : ', still going out when the bench went on'}`,
  ];
  const m = s.newMail;
  if (m) {
    lines.push(
      `    one new message  UID ${m.uid}, ${n(m.size)} bytes: incident on the agent's socket after ${ms(m.eventMs)}`,
      `    messages fetched for the new mail: ${m.fetchedMessages}, bytes: ${n(m.fetchedBytes)}  (mailbox_sync counters: ${n(m.before.fetchedMessages)} -> ${n(m.after.fetchedMessages)} messages, ${n(m.before.fetchedBytes)} -> ${n(m.after.fetchedBytes)} bytes; last UID ${m.before.lastUid} -> ${m.after.lastUid})`,
      `    on the wire      Dovecot -> Switchboard ${n(m.wireDownBytes)} bytes (the message ${n(m.size)} + protocol; allowance ${WIRE_ALLOWANCE_BYTES}), Switchboard -> Dovecot ${n(m.wireUpBytes)} bytes; commands:`,
      ...m.commands.map((c) => `      > ${c}`),
    );
  }
  lines.push(`    only the new one ${s.onlyTheNewOne === null ? 'NOT TRIED' : s.onlyTheNewOne ? 'PASS' : 'FAIL'}`);
  for (const r of s.reasons) lines.push(`      - ${r}`);
  return lines;
}

export function formatReport(r: ImapBenchResult): string {
  const title = `IMAP bench — PostgreSQL + Redis (BullMQ, workers in-process), Dovecot ${r.environment.dovecot} on 127.0.0.1`;
  const lines = headerLines(title, r.environment, 'bench client, server and Dovecot');
  if (r.latency) lines.push(...latencyLines(r.latency, r.met.p99), '');
  if (r.sync) lines.push(...syncLines(r.sync), '');
  lines.push(socketLine(r.socket, n), ...serverLogLines(r.server));
  return lines.join('\n');
}
