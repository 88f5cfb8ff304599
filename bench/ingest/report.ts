/** The ingest bench's result: its shape and the printed table. */
import type { CpuPerRequest } from '../lib/cpu.js';
import type { HttpFloorResult } from '../lib/http-floor.js';
import type { BaselineResult, CommitLatencyResult } from '../lib/insert-baseline.js';
import type { LoadOptions } from '../lib/options.js';
import type { LatencyResult, ThroughputResult, WarmupResult } from '../lib/phases.js';
import { baselineLines, commitFloorLine, cpuLine, httpFloorLine, errorKindLines, headerLines, latencyLines, serverLogLines, socketLine, throughputLine, warmupLine } from '../lib/report.js';
import type { BenchResult } from '../lib/results.js';

export const TARGETS = { ratioMin: 0.5, p99MaxMs: 50 } as const;

export interface IngestBenchResult extends BenchResult {
  bench: 'ingest';
  mode: 'postgres' | 'embedded';
  settings: LoadOptions;
  warmup: WarmupResult;
  latency: LatencyResult;
  throughput: ThroughputResult;
  /** CPU per submission by process over the throughput phase (see bench/lib/cpu.ts). */
  cpu: CpuPerRequest;
  /** Postgres mode only: PGlite inside the server cannot be reached from outside. */
  baseline: BaselineResult | null;
  /** One INSERT commit per arrival at the latency phase's rate (postgres mode only): the floor of its p99. */
  commitFloor: CommitLatencyResult | null;
  /** A bare Node http server answering the same posts: what the machine leaves for any intake. */
  httpFloor: HttpFloorResult;
  /** throughput / baseline (postgres mode only). */
  ratio: number | null;
  targets: typeof TARGETS;
  met: { ratio: boolean | null; p99: boolean | null };
}

export function formatReport(r: IngestBenchResult): string {
  const against = r.mode === 'postgres' ? 'PostgreSQL + Redis (BullMQ, workers in-process)' : 'embedded (PGlite, in-process jobs)';
  const lines = [
    ...headerLines(`ingest bench — ${against}`, r.environment, 'bench client and server'),
    warmupLine(r.warmup, 'submissions'),
    throughputLine(r.throughput),
    cpuLine(r.cpu, 'submission'),
    ...baselineLines(r.baseline, r.ratio, r.ratio === null ? null : { ratioMin: r.targets.ratioMin, met: r.met.ratio }, 'embedded mode: the PGlite inside the server cannot be reached from outside; see the postgres run'),
    httpFloorLine(r.httpFloor, r.baseline),
    ...latencyLines(r.latency, 'latency', r.latency.latencyMs, { p99MaxMs: r.targets.p99MaxMs, met: r.met.p99 }, [
      ['answer only', r.latency.httpMs],
      ['event only', r.latency.eventMs],
    ]),
    ...(r.commitFloor ? [commitFloorLine(r.commitFloor)] : []),
    socketLine(r.socket),
    ...errorKindLines(r.latency.errorKinds, r.throughput.errorKinds),
    ...serverLogLines(r.server),
  ];
  return lines.join('\n');
}
