// Makes sure the machine's PostgreSQL and Redis answer on 127.0.0.1; starts them when they do not.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import net from 'node:net';

function reachable(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function waitFor(port, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} is still not reachable on 127.0.0.1:${port}`);
}

const SERVICES = [
  {
    name: 'PostgreSQL',
    port: 5432,
    start: () => {
      const version = readdirSync('/etc/postgresql')[0];
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
    },
    missing: 'PostgreSQL 15 (Debian package postgresql) with trust auth for user postgres on 127.0.0.1:5432',
  },
  {
    name: 'Redis',
    port: 6379,
    start: () =>
      execSync('redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log', {
        stdio: 'inherit',
      }),
    missing: 'Redis 7 (Debian package redis-server) on 127.0.0.1:6379',
  },
];

export async function ensureServices() {
  for (const s of SERVICES) {
    if (await reachable(s.port)) continue;
    console.log(`${s.name} is not answering on 127.0.0.1:${s.port}; starting it`);
    try {
      s.start();
    } catch (err) {
      throw new Error(`could not start ${s.name}: ${err.message}. Needed: ${s.missing}`);
    }
    await waitFor(s.port, s.name);
  }
}
