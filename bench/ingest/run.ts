/**
 * Ingest benchmark: web-form submissions -> incidents -> the agent's live inbox.
 *   (a) latency at a fixed rate (open loop), (b) throughput at fixed concurrency (closed loop),
 *   (c) PostgreSQL single-row INSERT commits at the same concurrency, as the floor to compare with.
 * Reports; it is not a test: exit 0 whether or not targets are met, non-zero only if the bench failed.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/ingest/run.js [--embedded] [--help]
 */
import { assertAlive } from '../lib/bench-server.js';
import type { Cleanup } from '../lib/cleanup.js';
import { HttpClient } from '../lib/http.js';
import { InboxWatcher } from '../lib/inbox.js';
import { measureHttpFloor } from '../lib/http-floor.js';
import { baselineRatio, measureCommitLatency, measureInsertBaseline } from '../lib/insert-baseline.js';
import { latencyMet, loadSettings, measureIntake } from '../lib/phases.js';
import { benchProcesses, startCpuCount } from '../lib/cpu.js';
import { commonResults } from '../lib/results.js';
import { runBench } from '../lib/run.js';
import { deploy } from './deployment.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { webformTarget } from './phases.js';
import { formatReport, TARGETS, type IngestBenchResult } from './report.js';
import { envelopeText, Submissions } from './submissions.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function measure(root: string, options: BenchOptions, cleanup: Cleanup): Promise<IngestBenchResult> {
  const startedAt = new Date().toISOString();
  const d = await deploy(root, options, cleanup, log);

  const inbox = await InboxWatcher.connect(d.server.url, `sb_session=${d.admin.cookie('sb_session')}`);
  cleanup.add('close the inbox socket', () => inbox.close());
  const intake = new HttpClient(d.server.url, { maxSockets: Math.max(options.maxInFlight, options.concurrency), useCookies: false });
  cleanup.add('close the intake client', () => intake.close());

  // CPU per submission over the throughput phase (from the end of the latency phase to the last event).
  const processes = await benchProcesses(d.server.pid, d.databaseUrl, options.mode === 'postgres' ? options.redisUrl : null);
  let counting: ReturnType<typeof startCpuCount> | undefined;
  const { warmup, latency, throughput } = await measureIntake(webformTarget(intake, d.intakePath, new Submissions(d.runId), inbox, options.eventWaitMs), options, log, (phase) => {
    if (phase === 'latency') counting = startCpuCount(processes);
  });
  const cpu = counting!.stop(throughput.accepted);
  assertAlive(d.server, 'during the measurements');

  const sample = new Submissions(`${d.runId}b`);
  const payload = () => envelopeText(sample.next());
  const baseline = d.databaseUrl ? await measureInsertBaseline(d.databaseUrl, { ...options, payload }, log) : null;
  // The server's pool holds 10 connections (server/src/database/orm-config.ts).
  const commitFloor = d.databaseUrl ? await measureCommitLatency(d.databaseUrl, { ...options, connections: 10, payload }, log) : null;
  const httpFloor = await measureHttpFloor({ concurrency: options.concurrency, durationMs: options.durationMs, body: () => sample.next() }, log);
  const ratio = baselineRatio(Math.min(throughput.ratePerSecond, throughput.processedPerSecond), baseline);
  return {
    bench: 'ingest',
    mode: options.mode,
    ...commonResults(root, startedAt, inbox, d.server),
    settings: loadSettings(options),
    warmup,
    latency,
    throughput,
    cpu,
    baseline,
    commitFloor,
    httpFloor,
    ratio,
    targets: TARGETS,
    met: { ratio: ratio === null ? null : ratio >= TARGETS.ratioMin, p99: latencyMet(latency, latency.latencyMs, TARGETS.p99MaxMs) },
  };
}

await runBench({
  usage: USAGE,
  parseOptions,
  run: measure,
  formatReport,
  serverName: (options) => options.mode,
  resultsName: (options) => (options.mode === 'postgres' ? 'ingest-latest.json' : 'ingest-embedded-latest.json'),
});
