/**
 * The big mailbox: N messages (default 10,000) put into a Dovecot mailbox before Switchboard first reads
 * it; the initial import timed; then ONE new message, and proof that the sync fetched only that one:
 * the server's own counters (mailbox_sync.fetched_messages / fetched_bytes) before and after, and the
 * bytes and commands seen on the wire by a relay between the server and Dovecot.
 */
import { chown, mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertAlive } from '../lib/bench-server.js';
import type { Cleanup } from '../lib/cleanup.js';
import { round } from '../lib/stats.js';
import { MAILBOXES, type Desk } from './deployment.js';
import { Appenders, withImap } from './imap-clients.js';
import type { BenchMail, Mails } from './messages.js';
import type { FillMethod } from './options.js';
import { countIncidents, dbCounters, dbWork, outboxByStatus, pollUntil, readSync, waitUntilSynced, type DbWork, type SyncRow } from './sync-state.js';
import { startWireTap, type WireTap } from './wire-tap.js';

/** Dovecot's mail processes run as this uid/gid (see server/test/support/dovecot.ts). */
const MAIL_UID = 65534;
/** Protocol around one fetched message on the wire: IDLE/DONE, EXISTS, the UID listing, tagged OKs. */
const WIRE_ALLOWANCE_BYTES = 4096;
/** How long the acknowledgements of the import may take to go out before the new message is sent anyway. */
const DRAIN_TIMEOUT_MS = 180_000;
const NEW_MAIL_TIMEOUT_MS = 30_000;

export interface FillResult {
  method: FillMethod;
  messages: number;
  bytes: number;
  /** Writing the files / the APPENDs. */
  writeMs: number;
  /** Dovecot's first look at the folder (STATUS): indexing what was written. */
  indexMs: number;
}

export interface ImportResult {
  complete: boolean;
  /** Channel created -> the counters reached the mailbox size. */
  durationMs: number;
  /** Channel created -> the first message stored. */
  firstMessageMs: number | null;
  fetchedMessages: number;
  fetchedBytes: number;
  messagesPerSecond: number;
  incidents: number;
  /** 'incident.created' events on the agent's socket for these messages. */
  socketEvents: number;
  /** Dovecot -> Switchboard bytes on the wire during the import. */
  wireDownBytes: number;
  /** Acknowledgements (outbox) for the imported messages, by status, once they stopped moving. */
  outbox: Record<string, number>;
  /** Mails the SMTP sink received meanwhile. */
  acknowledgementsSent: number;
  /** Import done -> no acknowledgement queued or sending any more (null: still busy at the bound). */
  outboxDrainMs: number | null;
  /** The database's work during the import (acknowledgements included), per message. */
  db: DbWork;
}

export interface NewMailResult {
  uid: number;
  /** Its size as APPENDed (the bytes a sync must fetch for it). */
  size: number;
  /** APPEND start -> its 'incident.created' on the agent's socket (null: never came). */
  eventMs: number | null;
  before: Pick<SyncRow, 'lastUid' | 'fetchedMessages' | 'fetchedBytes' | 'uidValidity'>;
  after: Pick<SyncRow, 'lastUid' | 'fetchedMessages' | 'fetchedBytes' | 'uidValidity'>;
  /** From the server's counters. */
  fetchedMessages: number;
  fetchedBytes: number;
  /** From the relay: Dovecot -> Switchboard and back, APPEND to the end of the settle time. */
  wireDownBytes: number;
  wireUpBytes: number;
  /** Command lines Switchboard sent meanwhile. */
  commands: string[];
}

export interface SyncResult {
  mailbox: string;
  mailboxSize: number;
  fill: FillResult;
  import: ImportResult;
  newMail: NewMailResult | null;
  /** PASS/FAIL of "the sync fetched only the new message"; null when it could not be tried. */
  onlyTheNewOne: boolean | null;
  /** Why not, when not. */
  reasons: string[];
}

/**
 * Messages spread over the last 13 days, oldest first: within the 14 days of history a newly connected
 * mailbox imports (server/src/email/mailbox-runner.ts HISTORY_DAYS), so all of them are read.
 */
function oldMail(mails: Mails, count: number): BenchMail[] {
  const now = Date.now();
  const span = 13 * 24 * 3600_000;
  return Array.from({ length: count }, (_, i) => mails.make(`A${i + 1}`, new Date(now - span + Math.floor((span * i) / count))));
}

/**
 * Maildir files written straight into the user's cur/ folder (seen, as old mail is), named as Dovecot
 * names them (<secs>.M<usecs>P<pid>Q<n>.<host>,S=<size>,W=<vsize>:2,S; the files have CRLF line ends, so
 * the virtual size is the size), dated by their mtime (IMAP INTERNALDATE); Dovecot indexes them when the
 * folder is first opened.
 */
async function fillMaildir(root: string, user: string, messages: BenchMail[]): Promise<number> {
  const maildir = join(root, 'mail', user);
  for (const dir of [maildir, join(maildir, 'cur'), join(maildir, 'new'), join(maildir, 'tmp')]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chown(dir, MAIL_UID, MAIL_UID);
  }
  let bytes = 0;
  const CONCURRENCY = 64;
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const i = next++;
      const m = messages[i];
      const secs = Math.floor(m.date.getTime() / 1000);
      const usecs = (m.date.getTime() % 1000) * 1000;
      const file = join(maildir, 'cur', `${secs}.M${usecs}P${process.pid}Q${i + 1}.sbbench,S=${m.raw.length},W=${m.raw.length}:2,S`);
      await writeFile(file, m.raw, { mode: 0o600 });
      await chown(file, MAIL_UID, MAIL_UID);
      await utimes(file, m.date, m.date);
      bytes += m.raw.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return bytes;
}

/** Parallel IMAP APPENDs (8 connections: Dovecot allows 10 per user and address). */
async function fillByAppend(desk: Desk, user: string, messages: BenchMail[]): Promise<number> {
  const appenders = await Appenders.open(desk.dovecot.clientOptions(user), 8);
  let bytes = 0;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < messages.length) {
          const m = messages[next++];
          await appenders.append(m.raw, m.date, ['\\Seen']);
          bytes += m.raw.length;
        }
      }),
    );
  } finally {
    await appenders.close();
  }
  return bytes;
}

async function fill(desk: Desk, method: FillMethod, user: string, messages: BenchMail[]): Promise<FillResult> {
  const t0 = performance.now();
  const bytes = method === 'maildir' ? await fillMaildir(desk.dovecot.root, user, messages) : await fillByAppend(desk, user, messages);
  const t1 = performance.now();
  // EXAMINE (not STATUS): Dovecot syncs the maildir and gives every message its UID now, not during the import.
  const box = await withImap(desk.dovecot.clientOptions(user), async (c) => {
    const opened = await c.mailboxOpen('INBOX', { readOnly: true });
    return { exists: opened.exists, uidNext: opened.uidNext };
  });
  const t2 = performance.now();
  if (box.exists !== messages.length || box.uidNext !== messages.length + 1) {
    throw new Error(`filling ${user}'s INBOX: Dovecot sees ${box.exists} message(s) (UIDNEXT ${box.uidNext}), ${messages.length} were written`);
  }
  return { method, messages: messages.length, bytes, writeMs: round(t1 - t0), indexMs: round(t2 - t1) };
}

const subset = (r: SyncRow) => ({ lastUid: r.lastUid, fetchedMessages: r.fetchedMessages, fetchedBytes: r.fetchedBytes, uidValidity: r.uidValidity });

export async function measureBigMailbox(
  desk: Desk,
  s: { mails: Mails; size: number; fill: FillMethod; importTimeoutMs: number; settleMs: number },
  cleanup: Cleanup,
  log: (msg: string) => void,
): Promise<SyncResult> {
  const { user, address } = MAILBOXES.sync;
  const reasons: string[] = [];

  log(`sync: filling ${user}'s INBOX with ${s.size} messages (${s.fill})`);
  const old = oldMail(s.mails, s.size);
  const filled = await fill(desk, s.fill, user, old);
  log(`sync: ${filled.messages} messages, ${(filled.bytes / 1e6).toFixed(1)} MB written in ${(filled.writeMs / 1000).toFixed(1)} s, indexed by Dovecot in ${Math.round(filled.indexMs)} ms`);

  const tap: WireTap = await startWireTap({ host: desk.dovecot.host, port: desk.dovecot.port });
  cleanup.add('close the IMAP relay', () => tap.close());

  // --- the initial import ---
  const smtpBefore = desk.smtp.received;
  const db0 = await dbCounters(desk.db);
  const t0 = performance.now();
  const channel = await desk.createChannel({ user, address }, tap.port);
  let firstAt: number | null = null;
  let lastLog = t0;
  const done = await pollUntil(
    () => readSync(desk.db, channel.id),
    (r) => {
      const now = performance.now();
      if (r && r.fetchedMessages > 0 && firstAt === null) firstAt = now;
      if (now - lastLog >= 10_000) {
        lastLog = now;
        log(`sync: import ${r?.fetchedMessages ?? 0}/${s.size} after ${Math.round((now - t0) / 1000)} s`);
      }
      assertAlive(desk.server, 'during the import');
      return r !== null && r.fetchedMessages >= s.size;
    },
    s.importTimeoutMs,
    250,
  );
  const t1 = performance.now();
  const imported = done.value;
  const wireImport = tap.counters();
  await sleep(1200); // PostgreSQL publishes a backend's counters within a second of it going idle
  const db1 = await dbCounters(desk.db);
  let socketEvents = 0;
  for (const m of old) if (desk.inbox.arrivalOf(m.subject) !== undefined) socketEvents++;
  const durationMs = t1 - t0;
  const importResult: ImportResult = {
    complete: done.ok,
    durationMs: round(durationMs),
    firstMessageMs: firstAt === null ? null : round((firstAt as number) - t0),
    fetchedMessages: imported?.fetchedMessages ?? 0,
    fetchedBytes: imported?.fetchedBytes ?? 0,
    messagesPerSecond: round(((imported?.fetchedMessages ?? 0) / durationMs) * 1000, 1),
    incidents: await countIncidents(desk.db, channel.id),
    socketEvents,
    wireDownBytes: wireImport.down,
    outbox: {},
    acknowledgementsSent: 0,
    outboxDrainMs: null,
    db: dbWork(db0, db1, imported?.fetchedMessages ?? 0),
  };
  log(`sync: import ${done.ok ? 'done' : 'NOT done'}: ${importResult.fetchedMessages} messages in ${(durationMs / 1000).toFixed(1)} s (${importResult.messagesPerSecond}/s)`);
  if (!done.ok) {
    reasons.push(`the initial import did not finish within ${s.importTimeoutMs / 1000} s (${importResult.fetchedMessages}/${s.size} fetched): the new-message check was not run`);
    importResult.outbox = await outboxByStatus(desk.db, channel.id);
    importResult.acknowledgementsSent = desk.smtp.received - smtpBefore;
    return { mailbox: user, mailboxSize: s.size, fill: filled, import: importResult, newMail: null, onlyTheNewOne: null, reasons };
  }

  // Let the acknowledgements of the import go out (they compete for the CPU), within a bound.
  const drained = await pollUntil(
    () => outboxByStatus(desk.db, channel.id),
    (o) => !o.queued && !o.sending,
    DRAIN_TIMEOUT_MS,
    500,
  );
  importResult.outboxDrainMs = drained.ok ? round(performance.now() - t1) : null;
  importResult.outbox = drained.value;
  importResult.acknowledgementsSent = desk.smtp.received - smtpBefore;
  if (!drained.ok) log(`sync: acknowledgements still going out after ${DRAIN_TIMEOUT_MS / 1000} s; going on`);
  try {
    await waitUntilSynced(desk.db, channel.id, 30_000, 'after the import');
  } catch (err) {
    reasons.push(`${(err as Error).message}: the new-message check was not run`);
    return { mailbox: user, mailboxSize: s.size, fill: filled, import: importResult, newMail: null, onlyTheNewOne: null, reasons };
  }
  await sleep(500); // the runner sends IDLE right after marking the folder synced

  // --- one new message ---
  const appenders = await Appenders.open(desk.dovecot.clientOptions(user), 1);
  try {
    const before = (await readSync(desk.db, channel.id))!;
    const m = s.mails.make('N1');
    const wire0 = tap.counters();
    tap.record(100);
    const start = performance.now();
    const uid = await appenders.append(m.raw);
    await desk.inbox.waitForAll([m.subject], NEW_MAIL_TIMEOUT_MS);
    const eventAt = desk.inbox.arrivalOf(m.subject);
    const stored = await pollUntil(
      () => readSync(desk.db, channel.id),
      (r) => r !== null && r.lastUid >= uid,
      NEW_MAIL_TIMEOUT_MS,
    );
    await sleep(s.settleMs); // anything fetched after the message was stored shows too
    const after = (await readSync(desk.db, channel.id))!;
    const commands = tap.recorded();
    const wire1 = tap.counters();
    const newMail: NewMailResult = {
      uid,
      size: m.raw.length,
      eventMs: eventAt === undefined ? null : round(eventAt - start),
      before: subset(before),
      after: subset(after),
      fetchedMessages: after.fetchedMessages - before.fetchedMessages,
      fetchedBytes: after.fetchedBytes - before.fetchedBytes,
      wireDownBytes: wire1.down - wire0.down,
      wireUpBytes: wire1.up - wire0.up,
      commands,
    };
    if (eventAt === undefined) reasons.push(`no 'incident.created' for the new message within ${NEW_MAIL_TIMEOUT_MS / 1000} s`);
    if (!stored.ok) reasons.push(`the sync did not record UID ${uid} within ${NEW_MAIL_TIMEOUT_MS / 1000} s`);
    if (after.uidValidity !== before.uidValidity) reasons.push(`UIDVALIDITY changed (${before.uidValidity} -> ${after.uidValidity}): the folder was read again`);
    if (newMail.fetchedMessages !== 1) reasons.push(`the counters say ${newMail.fetchedMessages} message(s) fetched, not 1`);
    if (newMail.fetchedBytes !== newMail.size) reasons.push(`the counters say ${newMail.fetchedBytes} bytes fetched; the message has ${newMail.size}`);
    if (newMail.wireDownBytes > newMail.size + WIRE_ALLOWANCE_BYTES) {
      reasons.push(`${newMail.wireDownBytes} bytes came from Dovecot on the wire, more than the message (${newMail.size}) plus ${WIRE_ALLOWANCE_BYTES} of protocol`);
    }
    return { mailbox: user, mailboxSize: s.size, fill: filled, import: importResult, newMail, onlyTheNewOne: reasons.length === 0, reasons };
  } finally {
    await appenders.close();
  }
}

export { WIRE_ALLOWANCE_BYTES };
