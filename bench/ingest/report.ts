/** The ingest bench's result: its shape and the printed table. */
import { headerLines, ms, pcts, serverLogLines, socketLine, verdict } from '../lib/report.js';
import type { BenchResult } from '../lib/results.js';
import type { BaselineResult } from './baseline.js';
import type { LatencyResult, ThroughputResult, WarmupResult } from './phases.js';

export const TARGETS = { ratioMin: 0.5, p99MaxMs: 50 } as const;

export interface IngestBenchResult extends BenchResult {
  bench: 'ingest';
  mode: 'postgres' | 'embedded';
  settings: { warmupMs: number; durationMs: number; ratePerSecond: number; concurrency: number; maxInFlight: number; eventWaitMs: number };
  warmup: WarmupResult;
  latency: LatencyResult;
  throughput: ThroughputResult;
  /** Postgres mode only: PGlite inside the server cannot be reached from outside. */
  baseline: BaselineResult | null;
  /** throughput / baseline (postgres mode only). */
  ratio: number | null;
  targets: typeof TARGETS;
  met: { ratio: boolean | null; p99: boolean | null };
}

const rate = (v: number) => `${Math.round(v)}/s`;

export function formatReport(r: IngestBenchResult): string {
  const secs = (v: number) => `${v / 1000} s`;
  const against = r.mode === 'postgres' ? 'PostgreSQL + Redis (BullMQ, workers in-process)' : 'embedded (PGlite, in-process jobs)';
  const lines = [
    ...headerLines(`ingest bench — ${against}`, r.environment, 'bench client and server'),
    `  warm-up            ${secs(r.warmup.durationMs)}, ${r.warmup.submissions} submissions, errors ${r.warmup.errors}`,
    `  ingest throughput  ${rate(r.throughput.ratePerSecond).padEnd(8)} (closed loop C=${r.throughput.concurrency}, ${secs(r.throughput.durationMs)}: ${r.throughput.accepted} accepted, errors ${r.throughput.errors}, missing events ${r.throughput.missingEvents})`,
    r.baseline
      ? `  baseline INSERT    ${rate(r.baseline.ratePerSecond).padEnd(8)} (C=${r.baseline.concurrency} autocommit single-row INSERT, ${secs(r.baseline.durationMs)}, errors ${r.baseline.errors})`
      : '  baseline INSERT    n/a      (embedded mode: the PGlite inside the server cannot be reached from outside; see the postgres run)',
    r.ratio !== null ? `  ratio              ${r.ratio.toFixed(3).padEnd(8)} (target >= ${r.targets.ratioMin})${verdict(r.met.ratio)}` : '  ratio              n/a',
    `  latency @${r.latency.targetRate}/s`.padEnd(21) + `${pcts(r.latency.latencyMs)}  (target p99 <= ${r.targets.p99MaxMs} ms)${verdict(r.met.p99)}`,
    `                     achieved ${r.latency.achievedRate}/s, sent ${r.latency.sent}/${r.latency.scheduled}${r.latency.abandoned ? ` (${r.latency.abandoned} abandoned: the server could not keep up)` : ''}, errors ${r.latency.errors}, missing ${r.latency.missingEvents}, late sends ${r.latency.lateSends} (max lag ${ms(r.latency.maxSendLagMs)})`,
    ...(r.latency.achievedRate < r.latency.targetRate * 0.95
      ? [`                     the server did not sustain ${r.latency.targetRate}/s: sends waited for the in-flight cap (${r.latency.maxInFlight}); figures are from each POST's actual start`]
      : []),
    `    answer only      ${pcts(r.latency.httpMs)}`,
    `    event only       ${pcts(r.latency.eventMs)}`,
    socketLine(r.socket),
  ];
  const kinds = { ...r.latency.errorKinds, ...r.throughput.errorKinds };
  if (Object.keys(kinds).length > 0) {
    lines.push('  errors by kind:');
    for (const [k, n] of Object.entries(kinds)) lines.push(`    ${String(n).padStart(6)}  ${k}`);
  }
  lines.push(...serverLogLines(r.server));
  return lines.join('\n');
}
