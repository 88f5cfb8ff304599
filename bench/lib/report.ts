/**
 * What the benches' printed reports share: the header, the socket and server-log lines, figure formats,
 * and an intake's lines (warm-up, throughput, INSERT baseline and ratio, latency at the rate, error kinds).
 */
import type { CpuPerRequest } from './cpu.js';
import type { HttpFloorResult } from './http-floor.js';
import type { BaselineResult, CommitLatencyResult } from './insert-baseline.js';
import type { LatencyResult, ThroughputResult, WarmupResult } from './phases.js';
import type { Environment, ServerLog, SocketCounts } from './results.js';
import type { Summary } from './stats.js';

export const ms = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
export const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? '  OK' : '  MISSED');
export const pcts = (s: Summary | null) => (s ? `p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  max ${ms(s.max)}` : 'no samples');

/** The report's first lines: which bench against what, and the machine it shared with `sharedBy`. */
export function headerLines(title: string, env: Environment, sharedBy: string): string[] {
  return ['', `Switchboard ${title}`, `  node ${env.node}, ${env.cpus} CPUs, commit ${env.commit ?? 'unknown'}; ${sharedBy} share the machine`, ''];
}

export function socketLine(s: SocketCounts, count: (v: number) => string = String): string {
  return `  socket             ${count(s.eventsReceived)} ${s.event} received, duplicates ${s.duplicateEvents}, disconnects ${s.disconnects}`;
}

/** The server log's warning/error count and its first 15 such lines. */
export function serverLogLines(s: ServerLog): string[] {
  const lines = [`  server log         ${s.problemLines} warning/error line(s) in ${s.logFile}`];
  for (const p of s.problems.slice(0, 15)) lines.push(`    | ${p}`);
  if (s.problems.length > 15) lines.push(`    | ... (${s.problems.length - 15} more in the log)`);
  return lines;
}

export const rate = (v: number) => `${Math.round(v)}/s`;
export const secs = (v: number) => `${v / 1000} s`;

/** A report line: its label padded to the figures' column. */
export const labelled = (label: string, text: string) => `  ${label.padEnd(19)}${text}`;

export function warmupLine(w: WarmupResult, what: string): string {
  return labelled('warm-up', `${secs(w.durationMs)}, ${w.requests} ${what}, errors ${w.errors}`);
}

/** `accepted`: how the accepted requests are described (default "<n> accepted"). */
export function throughputLine(t: ThroughputResult, accepted = `${t.accepted} accepted`): string {
  return [
    labelled('ingest throughput', `${rate(t.ratePerSecond).padEnd(8)} answered (closed loop C=${t.concurrency}, ${secs(t.durationMs)}: ${accepted}, errors ${t.errors}, missing events ${t.missingEvents})`),
    labelled('', `${rate(t.processedPerSecond).padEnd(8)} stored and pushed to the agent (first request -> last event)`),
  ].join('\n');
}

/** CPU per request by process (throughput phase): where a request's cost goes, steadier than a rate on a shared machine. */
export function cpuLine(c: CpuPerRequest, what: string): string {
  const parts = Object.entries(c.msPerRequest).map(([name, ms]) => `${name} ${ms === null ? 'n/a' : `${ms.toFixed(2)} ms`}`);
  return labelled('CPU per ' + what, `${parts.join(' · ')}  (user + system, throughput phase, ${c.requests} ${what}s)`);
}

/** The baseline and ratio lines; `absent` says why there is no baseline. */
export function baselineLines(b: BaselineResult | null, ratio: number | null, target: { ratioMin: number; met: boolean | null } | null, absent: string): string[] {
  return [
    b
      ? labelled('baseline INSERT', `${rate(b.ratePerSecond).padEnd(8)} (C=${b.concurrency} autocommit single-row INSERT, ${secs(b.durationMs)}, errors ${b.errors})`)
      : labelled('baseline INSERT', `n/a      (${absent})`),
    labelled('ratio', ratio === null ? 'n/a' : `${ratio.toFixed(3).padEnd(8)} ${target ? `(target >= ${target.ratioMin})${verdict(target.met)}` : '(throughput / baseline)'}`),
  ];
}

/** The bare-HTTP floor: what any intake on this machine could answer at most, and that over the INSERT baseline. */
export function httpFloorLine(f: HttpFloorResult, b: BaselineResult | null): string {
  const over = b && b.ratePerSecond > 0 ? `; / baseline ${(f.ratePerSecond / b.ratePerSecond).toFixed(3)}` : '';
  return labelled('HTTP floor', `${rate(f.ratePerSecond).padEnd(8)} (bare Node http server, same client and posts, C=${f.concurrency}, ${secs(f.durationMs)}, errors ${f.errors}${over})`);
}

/** The commit-latency floor, under the latency lines it bounds. */
export function commitFloorLine(c: CommitLatencyResult): string {
  return `    ${'commit floor'.padEnd(17)}${pcts(c.latencyMs)}  (one single-row INSERT commit per arrival, same rate, ${c.connections} connections, errors ${c.errors})`;
}

/**
 * The latency lines: `label @<rate>/s` with the headline figure against its target, how the sends kept
 * their pace, then the other figures (`rows`: label, figure).
 */
export function latencyLines(l: LatencyResult, label: string, headline: Summary | null, target: { p99MaxMs: number; met: boolean | null }, rows: Array<[string, Summary | null]>): string[] {
  return [
    labelled(`${label} @${l.targetRate}/s`, `${pcts(headline)}  (target p99 <= ${target.p99MaxMs} ms)${verdict(target.met)}`),
    labelled(
      '',
      `achieved ${l.achievedRate}/s, sent ${l.sent}/${l.scheduled}${l.abandoned ? ` (${l.abandoned} abandoned: the server could not keep up)` : ''}, errors ${l.errors}, missing ${l.missingEvents}, late sends ${l.lateSends} (max lag ${ms(l.maxSendLagMs)})`,
    ),
    ...(l.achievedRate < l.targetRate * 0.95
      ? [labelled('', `the server did not sustain ${l.targetRate}/s: sends waited for the in-flight cap (${l.maxInFlight}); figures are from each request's actual start`)]
      : []),
    ...rows.map(([name, s]) => `    ${name.padEnd(17)}${pcts(s)}`),
  ];
}

/** "errors by kind:" and a line a kind, when there were any. */
export function errorKindLines(...tallies: Array<Record<string, number>>): string[] {
  const kinds: Record<string, number> = {};
  for (const t of tallies) for (const [k, n] of Object.entries(t)) kinds[k] = (kinds[k] ?? 0) + n;
  if (Object.keys(kinds).length === 0) return [];
  return ['  errors by kind:', ...Object.entries(kinds).map(([k, n]) => `    ${String(n).padStart(6)}  ${k}`)];
}
