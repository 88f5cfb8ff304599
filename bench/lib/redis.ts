/** Removes the keys a bench run left in Redis under its own, unique prefix. */
import { Redis } from 'ioredis';
import { assertLoopback } from './postgres.js';

export const BENCH_PREFIX_PATTERN = /^sb_bench_[0-9a-f]+$/;

/** Deletes `<prefix>:*` (only for a bench prefix, never a real install's). Returns how many keys went. */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<number> {
  assertLoopback(redisUrl, 'the Redis URL');
  if (!BENCH_PREFIX_PATTERN.test(prefix)) throw new Error(`refusing to delete keys of a non-bench prefix "${prefix}"`);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
