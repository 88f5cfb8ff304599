/**
 * Leases: "only one process does this at a time" (e.g. one worker reads a given mailbox). A lease is
 * held while its holder renews it; a holder that dies loses it after the TTL, and another takes over.
 * A lease is about not doing work twice for nothing, never about correctness: what the work writes is
 * idempotent in the database, so two holders for a moment (a long pause) duplicate nothing.
 */
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export interface Lease {
  /** Resolves when the lease is lost (not renewed in time, or Redis gone): stop the work. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

export abstract class Leases {
  /** The lease, or null when another process holds it. */
  abstract acquire(name: string, ttlMs: number): Promise<Lease | null>;
  abstract close(): Promise<void>;
}

/** One process: a lease is a name in a set. */
export class InProcessLeases extends Leases {
  private readonly held = new Set<string>();

  async acquire(name: string): Promise<Lease | null> {
    if (this.held.has(name)) return null;
    this.held.add(name);
    let lose!: () => void;
    const lost = new Promise<void>((r) => (lose = r));
    return {
      lost,
      release: async () => {
        this.held.delete(name);
        lose();
      },
    };
  }

  async close(): Promise<void> {}
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Several processes: SET NX PX with a random token, renewed at a third of the TTL by the holder only. */
export class RedisLeases extends Leases {
  private readonly redis: Redis;
  private readonly log = new Logger('Leases');

  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // each call reports its own failure
  }

  async acquire(name: string, ttlMs: number): Promise<Lease | null> {
    const key = `${this.prefix}:lease:${name}`;
    const token = randomBytes(16).toString('hex');
    if ((await this.redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
    let lose!: () => void;
    let done = false;
    const lost = new Promise<void>((r) => (lose = r));
    const end = () => {
      done = true;
      clearInterval(timer);
      lose();
    };
    const timer = setInterval(() => {
      this.redis.eval(RENEW, 1, key, token, ttlMs).then(
        (ok) => {
          if (ok === 1 || done) return;
          this.log.warn(`lease ${name} was taken over`);
          end();
        },
        (err: Error) => {
          this.log.warn(`lease ${name} not renewed: ${err.message}`);
          end();
        },
      );
    }, Math.max(100, Math.floor(ttlMs / 3)));
    timer.unref();
    return {
      lost,
      release: async () => {
        if (done) return;
        end();
        await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}
