import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

const log = new Logger('Inbox');

/**
 * The socket.io Redis adapter and emitter call publish() without handling its rejection, and an
 * unhandled rejection ends the process: during a Redis outage a live event is lost (clients catch up on
 * reconnect), the process is not.
 */
export function guardPublish(redis: Redis): Redis {
  const publish = redis.publish.bind(redis) as (...args: unknown[]) => Promise<number>;
  (redis as unknown as { publish: (...args: unknown[]) => Promise<number> }).publish = (...args) =>
    publish(...args).catch((err: Error) => {
      log.warn(`live event not published, Redis unavailable: ${err.message}`);
      return 0;
    });
  redis.on('error', (err) => log.warn(`Redis: ${err.message}`));
  return redis;
}
