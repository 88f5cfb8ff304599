/**
 * Latency of the e-mail channel: a real IMAP APPEND into the mailbox -> the matching 'incident.created'
 * on the agent's socket (by subject). Baseline in the same run: the same APPENDs watched by a bare
 * imapflow client in IDLE on the same mailbox (APPEND start -> its EXISTS), i.e. what the IMAP server's
 * own notification costs; Switchboard cannot be faster than that. (Dovecot holds IDLE notifications
 * back up to 500 ms to batch changes, per connection: the two distributions compare, single messages
 * do not, as each connection's batch starts at a different moment.)
 */
import { performance } from 'node:perf_hooks';
import type { ImapFlowOptions } from 'imapflow';
import type { InboxWatcher } from '../lib/inbox.js';
import { openLoop } from '../lib/load.js';
import { sendPacing, type SendPacing } from '../lib/pacing.js';
import { summarize, Tally, type Summary } from '../lib/stats.js';
import { Appenders, IdleWatcher } from './imap-clients.js';
import type { Mails } from './messages.js';

/** The APPENDs' pacing (a late send: held back more than 20 ms), then what became of them. */
export interface LatencyResult extends SendPacing {
  mailbox: string;
  /** Unmeasured messages first (JIT, connections), and how many of their events came. */
  warmup: { messages: number; received: number };
  targetRate: number;
  appenders: number;
  appended: number;
  appendErrors: number;
  errorKinds: Record<string, number>;
  /** Appended messages whose 'incident.created' did not arrive within the wait. */
  missingEvents: number;
  /** Appended messages the IDLE client was never told about. */
  missingBaseline: number;
  /** APPEND start -> 'incident.created' on the agent's socket. The headline figure. */
  switchboardMs: Summary | null;
  /** APPEND start -> EXISTS on the bare IDLE client. */
  baselineMs: Summary | null;
  /** APPEND start -> the server's OK (APPENDUID). */
  appendMs: Summary | null;
}

export interface LatencySetup {
  imap: ImapFlowOptions;
  mailbox: string;
  inbox: InboxWatcher;
  mails: Mails;
  messages: number;
  ratePerSecond: number;
  warmup: number;
  eventWaitMs: number;
}

const APPENDERS = 2;

export async function measureAppendLatency(s: LatencySetup, log: (msg: string) => void): Promise<LatencyResult> {
  const appenders = await Appenders.open(s.imap, APPENDERS);
  const idle = await IdleWatcher.open(s.imap).catch(async (err) => {
    await appenders.close();
    throw err;
  });
  try {
    // Warm-up: one at a time, each waited for.
    let warmReceived = 0;
    let warmAppended = 0;
    for (let i = 1; i <= s.warmup; i++) {
      const m = s.mails.make(`W${i}`);
      await appenders.append(m.raw);
      warmAppended++;
      if ((await s.inbox.waitForAll([m.subject], s.eventWaitMs)).length === 0) warmReceived++;
    }
    if (s.warmup > 0 && warmReceived === 0) throw new Error(`none of the ${s.warmup} warm-up messages became an incident on the agent's socket within ${s.eventWaitMs / 1000} s each`);

    log(`latency: ${s.messages} APPENDs at ${s.ratePerSecond}/s into ${s.mailbox}`);
    const records: Array<{ subject: string; start: number; appendedAt?: number; uid?: number }> = [];
    const errors = new Tally();
    const loop = await openLoop({
      ratePerSecond: s.ratePerSecond,
      durationMs: (s.messages / s.ratePerSecond) * 1000,
      maxInFlight: 16,
      lateAfterMs: 20,
      task: async (i) => {
        const m = s.mails.make(`L${i + 1}`);
        const rec: (typeof records)[number] = { subject: m.subject, start: performance.now() };
        records[i] = rec;
        try {
          rec.uid = await appenders.append(m.raw);
          rec.appendedAt = performance.now();
        } catch (err) {
          errors.add(`APPEND: ${(err as Error).message}`);
        }
      },
    });

    const appended = records.filter((r) => r && r.uid !== undefined);
    const missing = await s.inbox.waitForAll(
      appended.map((r) => r.subject),
      s.eventWaitMs,
    );
    // Dovecot batches IDLE news per connection (up to 500 ms): the last ones may still be on their way.
    await idle.waitForAnnounced(warmAppended + appended.length, 3000);
    const announced = await idle.announcedByUid();

    const sb: number[] = [];
    const base: number[] = [];
    const app: number[] = [];
    let missingBaseline = 0;
    for (const r of appended) {
      app.push(r.appendedAt! - r.start);
      const sbAt = s.inbox.arrivalOf(r.subject);
      const baseAt = announced.get(r.uid!);
      if (sbAt !== undefined) sb.push(sbAt - r.start);
      if (baseAt !== undefined) base.push(baseAt - r.start);
      else missingBaseline++;
    }
    return {
      mailbox: s.mailbox,
      warmup: { messages: s.warmup, received: warmReceived },
      targetRate: s.ratePerSecond,
      appenders: APPENDERS,
      ...sendPacing(loop, 2),
      appended: appended.length,
      appendErrors: errors.total,
      errorKinds: errors.toJSON(),
      missingEvents: missing.length,
      missingBaseline,
      switchboardMs: summarize(sb),
      baselineMs: summarize(base),
      appendMs: summarize(app),
    };
  } finally {
    await Promise.all([appenders.close(), idle.close()]);
  }
}
