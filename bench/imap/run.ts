/**
 * IMAP bench: the e-mail channel against a throwaway Dovecot.
 *   (a) latency: a real IMAP APPEND -> the agent's 'incident.created' (IDLE), next to a bare IMAP client
 *       in IDLE on the same mailbox (the IMAP server's own notification: the floor);
 *   (b) sync: a 10,000-message mailbox imported once, then ONE new message: the sync must fetch only it
 *       (the server's mailbox_sync counters, and the bytes and commands on the wire).
 * Reports; it is not a test: exit 0 whether or not targets are met, non-zero only if the bench failed.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/imap/run.js [--help]
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Cleanup } from '../lib/cleanup.js';
import { gitCommit } from '../lib/git.js';
import { repoRoot } from '../lib/paths.js';
import { formatProfileSummary, summarizeProfile } from '../lib/profile-summary.js';
import { measureBigMailbox, type SyncResult } from './big-mailbox.js';
import { deployDesk, MAILBOXES, profileFile } from './deployment.js';
import { measureAppendLatency, type LatencyResult } from './latency.js';
import { Mails } from './messages.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { formatReport, TARGETS, writeJson, type ImapBenchResult } from './report.js';
import { waitUntilSynced } from './sync-state.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function runBench(root: string, options: BenchOptions, cleanup: Cleanup): Promise<ImapBenchResult> {
  const startedAt = new Date().toISOString();
  const desk = await deployDesk(root, options, cleanup, log);
  const checkAlive = (when: string) => {
    const died = desk.server.death();
    if (died) throw new Error(`${died} ${when}:\n${desk.server.tail().join('\n')}`);
  };

  let latency: LatencyResult | null = null;
  if (options.part !== 'sync') {
    const { user, address } = MAILBOXES.latency;
    const channel = await desk.createChannel({ user, address }, desk.dovecot.port);
    await waitUntilSynced(desk.db, channel.id, 30_000, `the "${user}" channel`);
    latency = await measureAppendLatency(
      {
        imap: desk.dovecot.clientOptions(user),
        mailbox: user,
        inbox: desk.inbox,
        mails: new Mails(desk.runId, address),
        messages: options.messages,
        ratePerSecond: options.ratePerSecond,
        warmup: options.warmup,
        eventWaitMs: options.eventWaitMs,
      },
      log,
    );
    checkAlive('during the latency phase');
  }

  let sync: SyncResult | null = null;
  if (options.part !== 'latency') {
    sync = await measureBigMailbox(
      desk,
      { mails: new Mails(desk.runId, MAILBOXES.sync.address), size: options.mailboxSize, fill: options.fill, importTimeoutMs: options.importTimeoutMs, settleMs: options.settleMs },
      cleanup,
      log,
    );
    checkAlive('during the sync phase');
  }

  const p99 = latency?.switchboardMs?.p99;
  const problems = desk.server.problems();
  return {
    bench: 'imap',
    part: options.part,
    startedAt,
    finishedAt: new Date().toISOString(),
    environment: { node: process.version, cpus: availableParallelism(), platform: `${process.platform}-${process.arch}`, commit: gitCommit(root), dovecot: desk.dovecotVersion },
    settings: {
      messages: options.messages,
      ratePerSecond: options.ratePerSecond,
      warmup: options.warmup,
      eventWaitMs: options.eventWaitMs,
      mailboxSize: options.mailboxSize,
      fill: options.fill,
      importTimeoutMs: options.importTimeoutMs,
      settleMs: options.settleMs,
    },
    latency,
    sync,
    targets: TARGETS,
    met: {
      // APPEND errors, missing events or abandoned sends make the latency figure meaningless: count them as a miss.
      p99: latency === null ? null : p99 !== undefined && p99 <= TARGETS.p99MaxMs && latency.appendErrors === 0 && latency.missingEvents === 0 && latency.abandoned === 0,
      onlyTheNewOne: sync?.onlyTheNewOne ?? null,
    },
    socket: { eventsReceived: desk.inbox.received, duplicateEvents: desk.inbox.duplicates, disconnects: desk.inbox.disconnects },
    server: { logFile: relative(root, desk.server.logFile), problemLines: problems.length, problems: problems.slice(0, 100) },
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
  let result: ImapBenchResult;
  try {
    result = await runBench(root, options, cleanup);
  } catch (err) {
    if (cleanup.interruptedBy) console.error(`interrupted (${cleanup.interruptedBy}): no report`);
    else console.error(`\nthe bench failed: ${(err as Error).stack ?? err}`);
    return 1;
  } finally {
    await cleanup.runAll(); // stops the server (which writes its CPU profile) and Dovecot, drops the database, deletes the Redis keys
  }
  console.log(formatReport(result));
  if (options.profile) {
    const file = profileFile(root);
    try {
      result.profile = summarizeProfile(file);
      console.log(formatProfileSummary(result.profile, relative(root, file)));
    } catch (err) {
      console.error(`  server CPU profile: could not read ${file}: ${(err as Error).message}`);
    }
  }
  const file = join(root, 'bench/results', options.part === 'all' ? 'imap-latest.json' : `imap-${options.part}-latest.json`);
  writeJson(file, result);
  console.log(`\nfigures written to ${relative(root, file)}`);
  return 0;
}

process.exitCode = await main();
// Nothing should be left running, but a stray handle must not keep a finished bench alive.
setTimeout(() => process.exit(), 2000).unref();
