/**
 * A throwaway Dovecot IMAP server for integration tests (DESIGN.md §5).
 *
 * Each call to startDovecot() gets its own temp folder (config, passwd-file users, maildirs, log) and
 * its own free port on 127.0.0.1; plaintext auth, no TLS. Needs the Debian package `dovecot-imapd`
 * and must run as root (Dovecot drops the mail processes to uid 65534, the owner of root/mail).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';

export interface DovecotUser {
  name: string;
  password: string;
}

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  users: DovecotUser[];
  /** Temp folder holding config, users, maildirs (root/mail/<user>) and the log (root/dovecot.log). */
  root: string;
  /** SIGTERM, wait for the process to exit (SIGKILL after 5 s), then remove the temp folder. */
  stop(): Promise<void>;
  /** Stops and starts again on the same folder and port; mail is kept. */
  restart(): Promise<void>;
  /** Appends a message to the user's INBOX through a real IMAP APPEND. */
  append(user: string, raw: Buffer | string, opts?: { flags?: string[]; internalDate?: Date }): Promise<{ uid: number; uidValidity: bigint }>;
  /** Makes the user's mailboxes get a new UIDVALIDITY (messages kept); throws if it did not change. */
  resetUidValidity(user: string): Promise<void>;
  /** imapflow options to log in as a user (no logger, no TLS). */
  clientOptions(user: string, extra?: Partial<ImapFlowOptions>): ImapFlowOptions;
}

const MAIL_UID = 65534;
const HOST = '127.0.0.1';
const STOP_KILL_AFTER_MS = 5_000;
const START_TIMEOUT_MS = 10_000;

/** Dovecot processes still running when Node exits are killed, so a crashed test run leaves none behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

function dovecotBinary(): string {
  for (const p of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(p)) return p;
  return 'dovecot';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * True once the server sends its IMAP greeting (not just accepts TCP): Dovecot greets only when the
 * login process is fully up, and a SIGTERM sent earlier than that can stall shutdown for 5 s.
 */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: HOST, port });
    let buf = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      s.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 2_000);
    s.setEncoding('utf8');
    s.on('data', (d: string) => {
      buf += d;
      if (buf.includes('\r\n')) {
        const ok = buf.startsWith('* OK');
        if (ok) s.write('x LOGOUT\r\n');
        done(ok);
      }
    });
    s.once('error', () => done(false));
    s.once('close', () => done(false));
  });
}

/** Pids of the direct children of a process (Linux /proc), e.g. Dovecot's imap/imap-login/auth processes. */
function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function isDovecotProcess(pid: number): boolean {
  try {
    return /^dovecot/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function config(root: string, port: number): string {
  return `protocols = imap
listen = ${HOST}
base_dir = ${root}/run
state_dir = ${root}/state
log_path = ${root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${root}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${root}/users
}
mail_location = maildir:${root}/mail/%u
service imap-login {
  inet_listener imap {
    address = ${HOST}
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

export async function startDovecot(opts: { users?: DovecotUser[] } = {}): Promise<Dovecot> {
  const users = opts.users ?? [{ name: 'tester', password: 'secret' }];
  for (const u of users) {
    if (!/^[A-Za-z0-9._@-]+$/.test(u.name) || /[:\n]/.test(u.password)) throw new Error(`unusable Dovecot test user ${JSON.stringify(u.name)}`);
  }
  const root = await mkdtemp(join(tmpdir(), 'sb-dovecot-'));
  // mkdtemp makes it 0700; the imap processes (uid 65534) must be able to reach root/mail.
  await chmod(root, 0o755);
  const port = await freePort();
  const confPath = join(root, 'dovecot.conf');
  let proc: ChildProcess | undefined;
  let output = '';

  try {
    await mkdir(join(root, 'run'), { recursive: true });
    await mkdir(join(root, 'state'), { recursive: true });
    await mkdir(join(root, 'mail'), { recursive: true });
    await chown(join(root, 'mail'), MAIL_UID, MAIL_UID);
    await writeFile(confPath, config(root, port));
    await writeFile(
      join(root, 'users'),
      users.map((u) => `${u.name}:{PLAIN}${u.password}:${MAIL_UID}:${MAIL_UID}::${root}/mail/${u.name}::\n`).join(''),
      { mode: 0o644 },
    );
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }

  async function logTail(): Promise<string> {
    const log = await readFile(join(root, 'dovecot.log'), 'utf8').catch(() => '');
    const lines = `${output}${log}`.trimEnd().split('\n');
    return lines.slice(-30).join('\n');
  }

  async function start(): Promise<void> {
    output = '';
    const p = spawn(dovecotBinary(), ['-F', '-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc = p;
    running.add(p);
    let exited = false;
    let spawnError: Error | undefined;
    p.stdout!.on('data', (d) => (output += d));
    p.stderr!.on('data', (d) => (output += d));
    p.once('error', (err) => (spawnError = err));
    p.once('exit', () => {
      exited = true;
      running.delete(p);
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (spawnError || exited) {
        proc = undefined;
        const why = spawnError ? `${spawnError.message} (is the Debian package dovecot-imapd installed?)` : `exited with code ${p.exitCode}`;
        throw new Error(`Dovecot failed to start: ${why}\n--- log tail (${root}) ---\n${await logTail()}`);
      }
      if (await greets(port)) return;
      if (Date.now() > deadline) {
        await stopProcess();
        throw new Error(`Dovecot did not open port ${port} within ${START_TIMEOUT_MS} ms\n--- log tail (${root}) ---\n${await logTail()}`);
      }
      await sleep(10);
    }
  }

  async function stopProcess(): Promise<void> {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    // Client-serving imap processes outlive the master by up to 10 s; they are ended too, so that a
    // restart drops connected clients at once and nothing of this instance is left running.
    const children = p.pid ? childPids(p.pid) : [];
    p.kill('SIGTERM');
    const timer = setTimeout(() => p.kill('SIGKILL'), STOP_KILL_AFTER_MS);
    await exited;
    clearTimeout(timer);
    let left = children.filter(isDovecotProcess);
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    for (let i = 0; left.length && i < 100; i++) {
      await sleep(20);
      left = left.filter(isDovecotProcess);
    }
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  function password(user: string): string {
    const u = users.find((x) => x.name === user);
    if (!u) throw new Error(`no Dovecot test user ${user}`);
    return u.password;
  }

  function clientOptions(user: string, extra: Partial<ImapFlowOptions> = {}): ImapFlowOptions {
    return { host: HOST, port, secure: false, auth: { user, pass: password(user) }, logger: false, ...extra };
  }

  async function withClient<T>(user: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = new ImapFlow(clientOptions(user));
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  }

  const inboxUidValidity = (user: string) =>
    withClient(user, async (c) => {
      const st = await c.status('INBOX', { uidValidity: true });
      if (!st) throw new Error(`STATUS INBOX failed for ${user}`);
      return st.uidValidity;
    });

  await start().catch(async (err) => {
    await rm(root, { recursive: true, force: true });
    throw err;
  });

  return {
    host: HOST,
    port,
    users,
    root,
    clientOptions,
    async stop() {
      await stopProcess();
      await rm(root, { recursive: true, force: true });
    },
    async restart() {
      await stopProcess();
      await start();
    },
    async append(user, raw, o = {}) {
      return withClient(user, async (c) => {
        const res = await c.append('INBOX', raw, o.flags ?? [], o.internalDate);
        if (!res || res.uid === undefined || res.uidValidity === undefined) throw new Error(`APPEND for ${user} returned no APPENDUID`);
        return { uid: res.uid, uidValidity: res.uidValidity };
      });
    },
    async resetUidValidity(user) {
      const before = await inboxUidValidity(user);
      await stopProcess();
      // Forget the UID list and indexes of INBOX and every subfolder (maildir++ ".Name" dirs); the
      // messages in cur/ and new/ stay. dovecot-uidvalidity* is kept: Dovecot then hands out a new,
      // larger UIDVALIDITY instead of one based on the clock (which could repeat within a second).
      const maildir = join(root, 'mail', user);
      const dirs = [maildir];
      for (const e of await readdir(maildir, { withFileTypes: true }).catch(() => [])) {
        if (e.isDirectory() && e.name.startsWith('.')) dirs.push(join(maildir, e.name));
      }
      for (const dir of dirs) {
        for (const f of await readdir(dir).catch(() => [] as string[])) {
          if (f === 'dovecot-uidlist' || f.startsWith('dovecot.index') || f.startsWith('dovecot.list.index')) await rm(join(dir, f), { force: true });
        }
      }
      await start();
      const after = await inboxUidValidity(user);
      if (after === before) throw new Error(`UIDVALIDITY of ${user}'s INBOX did not change (still ${before})`);
    },
  };
}
