import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { guardPublish } from './redis-guard.js';

/** socket.io with the Redis adapter: events emitted by any server process reach sockets on every one. */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, options);
    this.pub ??= guardPublish(new Redis(this.redisUrl));
    this.sub ??= this.pub.duplicate();
    this.sub.on('error', () => undefined);
    server.adapter(createAdapter(this.pub, this.sub, { key: `${this.prefix}:socket.io` }));
    return server;
  }

  override async close(server: any): Promise<void> {
    await super.close(server);
    // quit() lets commands in flight finish; disconnect() would reject them.
    await Promise.allSettled([this.pub?.quit(), this.sub?.quit()]);
  }
}
