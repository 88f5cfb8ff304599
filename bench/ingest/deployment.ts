/**
 * A throwaway Switchboard for one bench run: its own database (a fresh PostgreSQL database and Redis
 * prefix, or a temp DATA_DIR for embedded PGlite), the built server on a free loopback port, an admin
 * logged in, one web-form channel. Every piece registers its own clean-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from '../lib/bench-server.js';
import { createChannel } from '../lib/channels.js';
import type { Cleanup } from '../lib/cleanup.js';
import type { HttpClient } from '../lib/http.js';
import { createRunStorage, newRunId } from '../lib/run-storage.js';
import type { RunningServer } from '../lib/server.js';
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

export async function deploy(root: string, options: BenchOptions, cleanup: Cleanup, log: (msg: string) => void): Promise<Deployment> {
  const runId = newRunId();
  let databaseUrl: string | null = null;
  let storageEnv: Record<string, string>;
  if (options.mode === 'postgres') {
    const storage = await createRunStorage(runId, options, cleanup, log);
    databaseUrl = storage.databaseUrl;
    storageEnv = storage.env;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
    cleanup.add(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
    log(`embedded data in ${dataDir}`);
    storageEnv = { DATA_DIR: dataDir };
  }

  const env = { INTAKE_RATE_LIMIT: '100000000', ...storageEnv };
  const { server, admin } = await startBenchServer(root, { name: options.mode, env, profile: options.profile }, cleanup, log);

  const { key } = await createChannel<{ key?: unknown }>(admin, { kind: 'webform', name: `Bench ${runId}` });
  if (typeof key !== 'string' || !key) throw new Error(`the created web-form channel has no key: ${JSON.stringify(key)}`);

  return { runId, server, databaseUrl, admin, intakePath: `/api/channels/webform/${encodeURIComponent(key)}` };
}
