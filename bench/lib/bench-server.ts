/**
 * The built server as a bench runs it (server.ts does the process): API only, no login rate limit, a
 * bench admin; its log and --profile's CPU profile in bench/results/server-<name>.*; stopped by the
 * clean-up (killed on exit as a last resort); the admin logged in (cookie + CSRF token).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Cleanup } from './cleanup.js';
import { HttpClient } from './http.js';
import { resultsPath } from './paths.js';
import { startServer, type RunningServer } from './server.js';

const ADMIN_EMAIL = 'bench-admin@example.com';

/** Where --profile has the server write its CPU profile. */
export const serverProfileFile = (root: string, name: string) => resultsPath(root, `server-${name}.cpuprofile`);

export interface BenchServer {
  server: RunningServer;
  /** Logged-in admin client (cookie + CSRF token). */
  admin: HttpClient;
}

export async function startBenchServer(
  root: string,
  setup: { name: string; env: Record<string, string>; profile: boolean },
  cleanup: Cleanup,
  log: (msg: string) => void,
): Promise<BenchServer> {
  const adminPassword = randomBytes(18).toString('base64url');
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    WEB_DIST: '',
    LOGIN_RATE_LIMIT: '100000000',
    SWITCHBOARD_ADMIN_EMAIL: ADMIN_EMAIL,
    SWITCHBOARD_ADMIN_PASSWORD: adminPassword,
    NODE_ENV: 'production',
    ...setup.env,
  };
  if (setup.profile) env.BENCH_CPU_PROFILE = serverProfileFile(root, setup.name);
  const server = await startServer({
    entry: join(root, 'dist/server/src/main.js'),
    cwd: root,
    env,
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. "--trace-gc" while looking into a tail.
    nodeArgs: [...(setup.profile ? ['--import', new URL('./cpu-profile-hook.js', import.meta.url).href] : []), ...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    logFile: resultsPath(root, `server-${setup.name}.log`),
    // WEB_DIST is empty on purpose: the bench needs the API only.
    expectedLines: [/\[Web\] no built web app at \(unset\)/],
  });
  cleanup.add('stop the server', server.stop);
  cleanup.addOnExit(server.killNow);
  log(`server pid ${server.pid} healthy at ${server.url}`);
  return { server, admin: await logIn(server.url, adminPassword, cleanup) };
}

async function logIn(url: string, password: string, cleanup: Cleanup): Promise<HttpClient> {
  const admin = new HttpClient(url, { maxSockets: 4 });
  cleanup.add('close the admin client', () => admin.close());
  const login = await admin.post<{ csrfToken?: string }>('/api/auth/login', { email: ADMIN_EMAIL, password });
  if (login.status !== 200 || typeof (login.body as { csrfToken?: unknown }).csrfToken !== 'string') {
    throw new Error(`login failed: HTTP ${login.status} ${login.text.slice(0, 300)}`);
  }
  if (!admin.cookie('sb_session')) throw new Error('login answered 200 but set no sb_session cookie');
  admin.setCsrfToken(login.body.csrfToken!);
  return admin;
}

/** Throws, with the end of the server's log, when the server is no longer running. */
export function assertAlive(server: RunningServer, when: string): void {
  const died = server.death();
  if (died) throw new Error(`${died} ${when}:\n${server.tail().join('\n')}`);
}
