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
import { join } from 'node:path';
import pg from 'pg';
import { startDovecot, type Dovecot } from '../../server/test/support/dovecot.js';
import type { Cleanup } from '../lib/cleanup.js';
import { HttpClient } from '../lib/http.js';
import { InboxWatcher } from '../lib/inbox.js';
import { assertLoopback, createTempDatabase } from '../lib/postgres.js';
import { deletePrefix } from '../lib/redis.js';
import { startServer, type RunningServer } from '../lib/server.js';
import type { BenchOptions } from './options.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const ADMIN_EMAIL = 'bench-admin@example.com';

/** Where --profile writes the server's CPU profile. */
export const profileFile = (root: string) => join(root, 'bench/results/server-imap.cpuprofile');
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
  const runId = randomBytes(5).toString('hex');
  const prefix = `sb_bench_${runId}`;
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

  const db = await createTempDatabase(options.pgAdminUrl, prefix);
  cleanup.add(`drop database ${db.name}`, db.drop);
  cleanup.add(`delete Redis keys ${prefix}:*`, () => deletePrefix(options.redisUrl, prefix));
  log(`database ${db.name}, Redis prefix ${prefix}`);

  const adminPassword = randomBytes(18).toString('base64url');
  const profiling: Record<string, string> = options.profile ? { BENCH_CPU_PROFILE: profileFile(root) } : {};
  const server = await startServer({
    entry: join(root, 'dist/server/src/main.js'),
    cwd: root,
    env: {
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      LOGIN_RATE_LIMIT: '100000000',
      SWITCHBOARD_ADMIN_EMAIL: ADMIN_EMAIL,
      SWITCHBOARD_ADMIN_PASSWORD: adminPassword,
      NODE_ENV: 'production',
      SECRET_KEY: randomBytes(32).toString('base64'),
      DATABASE_URL: db.url,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: prefix,
      WORKERS_IN_PROCESS: 'true',
      ...profiling,
    },
    nodeArgs: options.profile ? ['--import', new URL('../lib/cpu-profile-hook.js', import.meta.url).href] : [],
    logFile: join(root, 'bench/results/server-imap.log'),
    // WEB_DIST is empty on purpose: the bench needs the API only.
    expectedLines: [/\[Web\] no built web app at \(unset\)/],
  });
  cleanup.add('stop the server', server.stop);
  cleanup.addOnExit(server.killNow);
  log(`server pid ${server.pid} healthy at ${server.url}`);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  cleanup.add('close the database connection', () => client.end());

  const admin = new HttpClient(server.url, { maxSockets: 4 });
  cleanup.add('close the admin client', () => admin.close());
  const login = await admin.post<{ csrfToken?: string }>('/api/auth/login', { email: ADMIN_EMAIL, password: adminPassword });
  if (login.status !== 200 || typeof (login.body as { csrfToken?: unknown }).csrfToken !== 'string') {
    throw new Error(`login failed: HTTP ${login.status} ${login.text.slice(0, 300)}`);
  }
  if (!admin.cookie('sb_session')) throw new Error('login answered 200 but set no sb_session cookie');
  admin.setCsrfToken(login.body.csrfToken!);

  const inbox = await InboxWatcher.connect(server.url, `sb_session=${admin.cookie('sb_session')}`, 10_000, (incident) => incident.subject);
  cleanup.add('close the inbox socket', () => inbox.close());

  const createChannel = async (mailbox: { user: string; address: string }, imapPort: number): Promise<EmailChannel> => {
    const password = passwords[mailbox.user as keyof typeof passwords];
    const res = await admin.post<{ id?: string }>('/api/channels', {
      kind: 'email',
      name: `Bench ${mailbox.user} ${runId}`,
      address: mailbox.address,
      displayName: `Bench ${mailbox.user}`,
      imap: { host: '127.0.0.1', port: imapPort, secure: false, user: mailbox.user, password },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'bench', password: 'bench-smtp' },
    });
    const id = (res.body as { id?: unknown })?.id;
    if ((res.status !== 201 && res.status !== 200) || typeof id !== 'string') {
      throw new Error(`creating the e-mail channel for ${mailbox.user} failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    }
    return { id, user: mailbox.user, address: mailbox.address };
  };

  return { runId, dovecot, dovecotVersion: version, smtp, server, admin, inbox, db: client, createChannel };
}
