import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface.js';

/** INCR and set the window's expiry atomically; answers hits and milliseconds left. */
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Fixed-window counters in Redis, so every server process counts the same hits for one client.
 * (Without Redis the throttler's own in-memory storage is used: one process, one count.)
 * If Redis does not answer, requests pass: a rate limit must never be why a customer's message is lost.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: Redis;
  private readonly log = new Logger('RateLimit');

  constructor(redisUrl: string, private readonly prefix: string) {
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    this.redis.on('error', () => undefined); // reported per request below
  }

  async increment(key: string, ttl: number, limit: number, _block: number, name: string): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, pttl] = (await this.redis.eval(HIT, 1, `${this.prefix}:throttle:${name}:${key}`, ttl)) as [number, number];
      const seconds = Math.ceil(Math.max(pttl, 0) / 1000);
      return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
    } catch (err) {
      this.log.warn(`rate limit not checked, Redis unavailable: ${(err as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}
