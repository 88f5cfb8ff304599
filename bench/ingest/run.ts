/**
 * Ingest benchmark: web-form submissions -> incidents -> the agent's live inbox.
 *   (a) latency at a fixed rate (open loop), (b) throughput at fixed concurrency (closed loop),
 *   (c) PostgreSQL single-row INSERT commits at the same concurrency, as the floor to compare with.
 * Reports; it is not a test: exit 0 whether or not targets are met, non-zero only if the bench failed.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/ingest/run.js [--embedded] [--help]
 */
import { assertAlive, serverProfileFile } from '../lib/bench-server.js';
import type { Cleanup } from '../lib/cleanup.js';
import { HttpClient } from '../lib/http.js';
import { InboxWatcher } from '../lib/inbox.js';
import { resultsPath } from '../lib/paths.js';
import { environment, serverLog, socketCounts } from '../lib/results.js';
import { runBench } from '../lib/run.js';
import { round } from '../lib/stats.js';
import { measureInsertBaseline } from './baseline.js';
import { deploy } from './deployment.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { measureLatency, measureThroughput, warmUp, type IntakeTarget } from './phases.js';
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
  const submissions = new Submissions(d.runId);
  const target: IntakeTarget = { client: intake, path: d.intakePath, submissions, inbox, eventWaitMs: options.eventWaitMs };

  log(`warm-up ${options.warmupMs / 1000} s`);
  const warmup = await warmUp(target, options.warmupMs, 4);
  log(`latency: ${options.ratePerSecond}/s for ${options.durationMs / 1000} s (open loop, at most ${options.maxInFlight} in flight)`);
  const latency = await measureLatency(target, { ratePerSecond: options.ratePerSecond, durationMs: options.durationMs, maxInFlight: options.maxInFlight });
  log(`throughput: closed loop C=${options.concurrency} for ${options.durationMs / 1000} s`);
  const throughput = await measureThroughput(target, { concurrency: options.concurrency, durationMs: options.durationMs });
  assertAlive(d.server, 'during the measurements');

  let baseline = null;
  if (d.databaseUrl) {
    log(`baseline: ${options.concurrency} connections of single-row INSERT commits for ${options.durationMs / 1000} s`);
    const sample = new Submissions(`${d.runId}b`);
    baseline = await measureInsertBaseline(d.databaseUrl, { concurrency: options.concurrency, durationMs: options.durationMs, payload: () => envelopeText(sample.next()) });
  }

  const ratio = baseline && baseline.ratePerSecond > 0 ? round(throughput.ratePerSecond / baseline.ratePerSecond, 3) : null;
  const p99 = latency.latencyMs?.p99;
  return {
    bench: 'ingest',
    mode: options.mode,
    startedAt,
    finishedAt: new Date().toISOString(),
    environment: environment(root),
    settings: {
      warmupMs: options.warmupMs,
      durationMs: options.durationMs,
      ratePerSecond: options.ratePerSecond,
      concurrency: options.concurrency,
      maxInFlight: options.maxInFlight,
      eventWaitMs: options.eventWaitMs,
    },
    warmup,
    latency,
    throughput,
    baseline,
    ratio,
    targets: TARGETS,
    met: {
      ratio: ratio === null ? null : ratio >= TARGETS.ratioMin,
      // Errors, missing events or abandoned sends make the latency figure meaningless: count them as a miss.
      p99: p99 === undefined ? false : p99 <= TARGETS.p99MaxMs && latency.errors === 0 && latency.missingEvents === 0 && latency.abandoned === 0,
    },
    socket: socketCounts(inbox),
    server: serverLog(root, d.server),
  };
}

await runBench({
  usage: USAGE,
  parseOptions,
  run: measure,
  formatReport,
  profileFile: (root, options) => serverProfileFile(root, options.mode),
  resultsFile: (root, options) => resultsPath(root, options.mode === 'postgres' ? 'ingest-latest.json' : 'ingest-embedded-latest.json'),
});
