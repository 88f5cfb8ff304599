/**
 * A throwaway e-mail desk for one bench run: a Dovecot on a free loopback port with two mailboxes (the
 * test harness's server/test/support/dovecot.ts), an SMTP sink, a fresh PostgreSQL database, its own
 * Redis prefix, the built server (processors in-process) on a free loopback port, the admin logged in
 * with a live inbox socket, and a database connection to read the sync's own counters. Every piece
 * registers its own clean-up.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import pg from 'pg';
import { startDovecot, type Dovecot } from '../../server/test/support/dovecot.js';
import { startBenchServer } from '../lib/bench-server.js';
import { createChannel as postChannel } from '../lib/channels.js';
import type { Cleanup } from '../lib/cleanup.js';
import type { HttpClient } from '../lib/http.js';
import { incidentsCreated, InboxWatcher } from '../lib/inbox.js';
import { assertLoopback } from '../lib/postgres.js';
import { createRunStorage, newRunId } from '../lib/run-storage.js';
import type { RunningServer } from '../lib/server.js';
import type { BenchOptions } from './options.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/** The server's name in bench/results/server-<name>.log and .cpuprofile. */
export const SERVER_NAME = 'imap';
/** The two Dovecot users: a small mailbox for latency, a big one for the sync. */
export const MAILBOXES = {
  latency: { user: 'desk', address: 'desk@bench.example' },
  sync: { user: 'archive', address: 'archive@bench.example' },
} as const;

export interface EmailChannel {
  id: string;
  user: string;
  address: string;
}

export interface Desk {
  runId: string;
  dovecot: Dovecot;
  dovecotVersion: string;
  smtp: SmtpSink;
  server: RunningServer;
  admin: HttpClient;
  /** Events keyed by incident subject. */
  inbox: InboxWatcher;
  /** A connection to the bench database (read-only use: the sync's counters, incident counts). */
  db: pg.Client;
  /** Creates an e-mail channel reading `user`'s INBOX at 127.0.0.1:`imapPort` (Dovecot, or a relay to it). */
  createChannel(mailbox: { user: string; address: string }, imapPort: number): Promise<EmailChannel>;
}

function dovecotVersion(): string {
  for (const bin of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot', 'dovecot']) {
    try {
      return execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // next
    }
  }
  return 'unknown';
}

export async function deployDesk(root: string, options: BenchOptions, cleanup: Cleanup, log: (msg: string) => void): Promise<Desk> {
  const runId = newRunId();
  assertLoopback(options.pgAdminUrl, 'the PostgreSQL URL');
  assertLoopback(options.redisUrl, 'the Redis URL');

  const passwords = { desk: randomBytes(12).toString('base64url'), archive: randomBytes(12).toString('base64url') };
  const dovecot = await startDovecot({
    users: [
      { name: MAILBOXES.latency.user, password: passwords.desk },
      { name: MAILBOXES.sync.user, password: passwords.archive },
    ],
  });
  cleanup.add(`stop Dovecot and remove ${dovecot.root}`, () => dovecot.stop());
  // The harness SIGKILLs its Dovecot on exit; the folder goes too if the bench dies without cleaning up.
  cleanup.addOnExit(() => {
    if (existsSync(dovecot.root)) rmSync(dovecot.root, { recursive: true, force: true });
  });
  const version = dovecotVersion();
  log(`Dovecot ${version} on 127.0.0.1:${dovecot.port} (${dovecot.root})`);

  const smtp = await startSmtpSink();
  cleanup.add('close the SMTP sink', () => smtp.close());
  log(`SMTP sink on 127.0.0.1:${smtp.port}`);

  const storage = await createRunStorage(runId, options, cleanup, log);
  const { server, admin } = await startBenchServer(root, { name: SERVER_NAME, env: storage.env, profile: options.profile }, cleanup, log);

  const client = new pg.Client({ connectionString: storage.databaseUrl });
  await client.connect();
  cleanup.add('close the database connection', () => client.end());

  const inbox = await InboxWatcher.connect(server.url, `sb_session=${admin.cookie('sb_session')}`, 10_000, incidentsCreated((incident) => incident.subject));
  cleanup.add('close the inbox socket', () => inbox.close());

  const createChannel = async (mailbox: { user: string; address: string }, imapPort: number): Promise<EmailChannel> => {
    const password = passwords[mailbox.user as keyof typeof passwords];
    const { id } = await postChannel(admin, {
      kind: 'email',
      name: `Bench ${mailbox.user} ${runId}`,
      address: mailbox.address,
      displayName: `Bench ${mailbox.user}`,
      imap: { host: '127.0.0.1', port: imapPort, secure: false, user: mailbox.user, password },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'bench', password: 'bench-smtp' },
    });
    return { id, user: mailbox.user, address: mailbox.address };
  };

  return { runId, dovecot, dovecotVersion: version, smtp, server, admin, inbox, db: client, createChannel };
}
