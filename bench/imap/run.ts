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
import { assertAlive } from '../lib/bench-server.js';
import type { Cleanup } from '../lib/cleanup.js';
import { commonResults, environment } from '../lib/results.js';
import { runBench } from '../lib/run.js';
import { measureBigMailbox, type SyncResult } from './big-mailbox.js';
import { deployDesk, MAILBOXES, SERVER_NAME } from './deployment.js';
import { measureAppendLatency, type LatencyResult } from './latency.js';
import { Mails } from './messages.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { formatReport, TARGETS, type ImapBenchResult } from './report.js';
import { waitUntilSynced } from './sync-state.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function measure(root: string, options: BenchOptions, cleanup: Cleanup): Promise<ImapBenchResult> {
  const startedAt = new Date().toISOString();
  const desk = await deployDesk(root, options, cleanup, log);

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
    assertAlive(desk.server, 'during the latency phase');
  }

  let sync: SyncResult | null = null;
  if (options.part !== 'latency') {
    sync = await measureBigMailbox(
      desk,
      { mails: new Mails(desk.runId, MAILBOXES.sync.address), size: options.mailboxSize, fill: options.fill, importTimeoutMs: options.importTimeoutMs, settleMs: options.settleMs },
      cleanup,
      log,
    );
    assertAlive(desk.server, 'during the sync phase');
  }

  const p99 = latency?.switchboardMs?.p99;
  return {
    bench: 'imap',
    part: options.part,
    ...commonResults(root, startedAt, desk.inbox, desk.server),
    environment: { ...environment(root), dovecot: desk.dovecotVersion },
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
  };
}

await runBench({
  usage: USAGE,
  parseOptions,
  run: measure,
  formatReport,
  serverName: () => SERVER_NAME,
  resultsName: (options) => (options.part === 'all' ? 'imap-latest.json' : `imap-${options.part}-latest.json`),
});
