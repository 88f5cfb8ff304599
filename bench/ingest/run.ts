/**
 * Ingest benchmark: web-form submissions -> incidents -> the agent's live inbox.
 *   (a) latency at a fixed rate (open loop), (b) throughput at fixed concurrency (closed loop),
 *   (c) PostgreSQL single-row INSERT commits at the same concurrency, as the floor to compare with.
 * Reports; it is not a test: exit 0 whether or not targets are met, non-zero only if the bench failed.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/ingest/run.js [--embedded] [--help]
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Cleanup } from '../lib/cleanup.js';
import { gitCommit } from '../lib/git.js';
import { HttpClient } from '../lib/http.js';
import { InboxWatcher } from '../lib/inbox.js';
import { repoRoot } from '../lib/paths.js';
import { formatProfileSummary, summarizeProfile } from '../lib/profile-summary.js';
import { round } from '../lib/stats.js';
import { measureInsertBaseline } from './baseline.js';
import { deploy, profileFile } from './deployment.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { measureLatency, measureThroughput, warmUp, type IntakeTarget } from './phases.js';
import { formatReport, TARGETS, writeJson, type IngestBenchResult } from './report.js';
import { envelopeText, Submissions } from './submissions.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function runBench(root: string, options: BenchOptions, cleanup: Cleanup): Promise<IngestBenchResult> {
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

  const died = d.server.death();
  if (died) throw new Error(`${died} during the measurements:\n${d.server.tail().join('\n')}`);

  let baseline = null;
  if (d.databaseUrl) {
    log(`baseline: ${options.concurrency} connections of single-row INSERT commits for ${options.durationMs / 1000} s`);
    const sample = new Submissions(`${d.runId}b`);
    baseline = await measureInsertBaseline(d.databaseUrl, { concurrency: options.concurrency, durationMs: options.durationMs, payload: () => envelopeText(sample.next()) });
  }

  const ratio = baseline && baseline.ratePerSecond > 0 ? round(throughput.ratePerSecond / baseline.ratePerSecond, 3) : null;
  const p99 = latency.latencyMs?.p99;
  const problems = d.server.problems();
  return {
    bench: 'ingest',
    mode: options.mode,
    startedAt,
    finishedAt: new Date().toISOString(),
    environment: { node: process.version, cpus: availableParallelism(), platform: `${process.platform}-${process.arch}`, commit: gitCommit(root) },
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
    socket: { eventsReceived: inbox.received, duplicateEvents: inbox.duplicates, disconnects: inbox.disconnects },
    server: { logFile: relative(root, d.server.logFile), problemLines: problems.length, problems: problems.slice(0, 100) },
  };
}

async function main(): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const root = repoRoot(import.meta.url);
  const cleanup = new Cleanup();
  cleanup.installHandlers();
  let result: IngestBenchResult;
  try {
    result = await runBench(root, options, cleanup);
  } catch (err) {
    console.error(`\nthe bench failed: ${(err as Error).stack ?? err}`);
    return 1;
  } finally {
    await cleanup.runAll(); // stops the server (which writes its CPU profile), drops the database
  }
  console.log(formatReport(result));
  if (options.profile) {
    const file = profileFile(root, options);
    try {
      result.profile = summarizeProfile(file);
      console.log(formatProfileSummary(result.profile, relative(root, file)));
    } catch (err) {
      console.error(`  server CPU profile: could not read ${file}: ${(err as Error).message}`);
    }
  }
  const file = join(root, 'bench/results', options.mode === 'postgres' ? 'ingest-latest.json' : 'ingest-embedded-latest.json');
  writeJson(file, result);
  console.log(`\nfigures written to ${relative(root, file)}`);
  return 0;
}

process.exitCode = await main();
// Nothing should be left running, but a stray handle must not keep a finished bench alive.
setTimeout(() => process.exit(), 2000).unref();
