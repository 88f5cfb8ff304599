/**
 * A bench run's own storage on this machine: a fresh PostgreSQL database and a Redis key prefix, both
 * named sb_bench_<run id> and removed by the clean-up, and the server environment that uses them
 * (PostgreSQL + Redis, processors in-process).
 */
import { randomBytes } from 'node:crypto';
import type { Cleanup } from './cleanup.js';
import { assertLoopback, createTempDatabase } from './postgres.js';
import { deletePrefix } from './redis.js';

export const newRunId = () => randomBytes(5).toString('hex');

export interface RunStorage {
  databaseUrl: string;
  /** DATABASE_URL, REDIS_URL, REDIS_PREFIX, SECRET_KEY, WORKERS_IN_PROCESS for the server. */
  env: Record<string, string>;
}

export async function createRunStorage(
  runId: string,
  urls: { pgAdminUrl: string; redisUrl: string },
  cleanup: Cleanup,
  log: (msg: string) => void,
): Promise<RunStorage> {
  const prefix = `sb_bench_${runId}`;
  assertLoopback(urls.redisUrl, 'the Redis URL');
  const db = await createTempDatabase(urls.pgAdminUrl, prefix);
  cleanup.add(`drop database ${db.name}`, db.drop);
  cleanup.add(`delete Redis keys ${prefix}:*`, () => deletePrefix(urls.redisUrl, prefix));
  log(`database ${db.name}, Redis prefix ${prefix}`);
  return {
    databaseUrl: db.url,
    env: { SECRET_KEY: randomBytes(32).toString('base64'), DATABASE_URL: db.url, REDIS_URL: urls.redisUrl, REDIS_PREFIX: prefix, WORKERS_IN_PROCESS: 'true' },
  };
}
