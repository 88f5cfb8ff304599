/**
 * A throwaway Switchboard for one bench run: its own database (a fresh PostgreSQL database, or a
 * temp DATA_DIR for embedded PGlite), its own Redis prefix, the built server on a free loopback
 * port, an admin logged in, one web-form channel. Every piece registers its own clean-up.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanup } from '../lib/cleanup.js';
import { HttpClient } from '../lib/http.js';
import { assertLoopback, createTempDatabase } from '../lib/postgres.js';
import { deletePrefix } from '../lib/redis.js';
import { startServer, type RunningServer } from '../lib/server.js';
import type { BenchOptions } from './options.js';

export interface Deployment {
  runId: string;
  server: RunningServer;
  /** The bench database (postgres mode), for the INSERT baseline. */
  databaseUrl: string | null;
  /** Logged-in admin client (cookie + CSRF token). */
  admin: HttpClient;
  /** Public intake path of the bench's web-form channel. */
  intakePath: string;
}

const ADMIN_EMAIL = 'bench-admin@example.com';

/** Where --profile writes the server's CPU profile. */
export const profileFile = (root: string, options: BenchOptions) => join(root, 'bench/results', `server-${options.mode}.cpuprofile`);

export async function deploy(root: string, options: BenchOptions, cleanup: Cleanup, log: (msg: string) => void): Promise<Deployment> {
  const runId = randomBytes(5).toString('hex');
  const prefix = `sb_bench_${runId}`;
  const adminPassword = randomBytes(18).toString('base64url');
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    WEB_DIST: '',
    INTAKE_RATE_LIMIT: '100000000',
    LOGIN_RATE_LIMIT: '100000000',
    SWITCHBOARD_ADMIN_EMAIL: ADMIN_EMAIL,
    SWITCHBOARD_ADMIN_PASSWORD: adminPassword,
    NODE_ENV: 'production',
  };

  let databaseUrl: string | null = null;
  if (options.mode === 'postgres') {
    assertLoopback(options.redisUrl, 'the Redis URL');
    const db = await createTempDatabase(options.pgAdminUrl, prefix);
    cleanup.add(`drop database ${db.name}`, db.drop);
    cleanup.add(`delete Redis keys ${prefix}:*`, () => deletePrefix(options.redisUrl, prefix));
    databaseUrl = db.url;
    log(`database ${db.name}, Redis prefix ${prefix}`);
    Object.assign(env, { SECRET_KEY: randomBytes(32).toString('base64'), DATABASE_URL: db.url, REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix, WORKERS_IN_PROCESS: 'true' });
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
    cleanup.add(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
    log(`embedded data in ${dataDir}`);
    Object.assign(env, { DATA_DIR: dataDir });
  }

  let nodeArgs: string[] = [];
  if (options.profile) {
    nodeArgs = ['--import', new URL('../lib/cpu-profile-hook.js', import.meta.url).href];
    env.BENCH_CPU_PROFILE = profileFile(root, options);
  }

  const server = await startServer({
    entry: join(root, 'dist/server/src/main.js'),
    cwd: root,
    env,
    nodeArgs,
    logFile: join(root, 'bench/results', `server-${options.mode}.log`),
    // WEB_DIST is empty on purpose: the bench needs the API only.
    expectedLines: [/\[Web\] no built web app at \(unset\)/],
  });
  cleanup.add('stop the server', server.stop);
  cleanup.addOnExit(server.killNow);
  log(`server pid ${server.pid} healthy at ${server.url}`);

  const admin = new HttpClient(server.url, { maxSockets: 4 });
  cleanup.add('close the admin client', () => admin.close());
  const login = await admin.post<{ csrfToken?: string }>('/api/auth/login', { email: ADMIN_EMAIL, password: adminPassword });
  if (login.status !== 200 || typeof (login.body as { csrfToken?: unknown }).csrfToken !== 'string') {
    throw new Error(`login failed: HTTP ${login.status} ${login.text.slice(0, 300)}`);
  }
  if (!admin.cookie('sb_session')) throw new Error('login answered 200 but set no sb_session cookie');
  admin.setCsrfToken(login.body.csrfToken!);

  const channel = await admin.post<{ id?: string; key?: string }>('/api/channels', { kind: 'webform', name: `Bench ${runId}` });
  if (channel.status !== 201 && channel.status !== 200) throw new Error(`creating the web-form channel failed: HTTP ${channel.status} ${channel.text.slice(0, 300)}`);
  const key = (channel.body as { key?: unknown }).key;
  if (typeof key !== 'string' || !key) throw new Error(`the created channel has no key: ${channel.text.slice(0, 300)}`);

  return { runId, server, databaseUrl, admin, intakePath: `/api/channels/webform/${encodeURIComponent(key)}` };
}
