/** The ingest bench's result: its shape, the printed table and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProfileSummary } from '../lib/profile-summary.js';
import type { Summary } from '../lib/stats.js';
import type { BaselineResult } from './baseline.js';
import type { LatencyResult, ThroughputResult, WarmupResult } from './phases.js';

export const TARGETS = { ratioMin: 0.5, p99MaxMs: 50 } as const;

export interface IngestBenchResult {
  bench: 'ingest';
  mode: 'postgres' | 'embedded';
  startedAt: string;
  finishedAt: string;
  environment: { node: string; cpus: number; platform: string; commit: string | null };
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
  socket: { eventsReceived: number; duplicateEvents: number; disconnects: number };
  server: { logFile: string; problemLines: number; problems: string[] };
  /** With --profile: where the server's CPU went. */
  profile?: ProfileSummary;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
const rate = (v: number) => `${Math.round(v)}/s`;
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? '  OK' : '  MISSED');
const pcts = (s: Summary | null) => (s ? `p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  max ${ms(s.max)}` : 'no samples');

export function formatReport(r: IngestBenchResult): string {
  const secs = (v: number) => `${v / 1000} s`;
  const lines = [
    '',
    `Switchboard ingest bench — ${r.mode === 'postgres' ? 'PostgreSQL + Redis (BullMQ, workers in-process)' : 'embedded (PGlite, in-process jobs)'}`,
    `  node ${r.environment.node}, ${r.environment.cpus} CPUs, commit ${r.environment.commit ?? 'unknown'}; bench client and server share the machine`,
    '',
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
    `  socket             ${r.socket.eventsReceived} incident.created received, duplicates ${r.socket.duplicateEvents}, disconnects ${r.socket.disconnects}`,
  ];
  const kinds = { ...r.latency.errorKinds, ...r.throughput.errorKinds };
  if (Object.keys(kinds).length > 0) {
    lines.push('  errors by kind:');
    for (const [k, n] of Object.entries(kinds)) lines.push(`    ${String(n).padStart(6)}  ${k}`);
  }
  lines.push(`  server log         ${r.server.problemLines} warning/error line(s) in ${r.server.logFile}`);
  for (const p of r.server.problems.slice(0, 15)) lines.push(`    | ${p}`);
  if (r.server.problems.length > 15) lines.push(`    | ... (${r.server.problems.length - 15} more in the log)`);
  return lines.join('\n');
}

export function writeJson(file: string, result: IngestBenchResult): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
