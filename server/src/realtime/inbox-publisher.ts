import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { INBOX_NAMESPACE, type ServerToClientEvents } from '../contracts/events.js';
import { roomForSession } from '../domain/visibility.js';
import { guardPublish } from './redis-guard.js';

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Pushes inbox events to rooms. Inside the server process it emits through the socket.io namespace
 * (which, with Redis, fans out to every server process through the Redis adapter); in a process with
 * no socket server (workers) it publishes through the socket.io Redis emitter to the same channel.
 * Call it only after the change has committed.
 */
@Injectable()
export class InboxPublisher implements OnApplicationShutdown {
  private readonly log = new Logger('Inbox');
  private nsp?: Namespace;
  private emitter?: Emitter;
  private redis?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  attach(namespace: Namespace): void {
    this.nsp = namespace;
  }

  namespace(): Namespace {
    if (!this.nsp) throw new Error('the inbox namespace is not attached in this process');
    return this.nsp;
  }

  /** Closes the live connections of a session (logout), on every server process. */
  disconnectSession(sessionHash: string): void {
    this.nsp?.in(roomForSession(sessionHash)).disconnectSockets(true);
  }

  /** Emits to the sockets in `rooms`, leaving out those also in `except` (a socket sits in several rooms). */
  publish<E extends keyof ServerToClientEvents>(rooms: string[], event: E, payload: Payload<E>, except: string[] = []): void {
    if (rooms.length === 0) return;
    if (this.nsp) {
      (this.nsp.to(rooms).except(except) as any).emit(event, payload);
      return;
    }
    const emitter = this.getEmitter();
    if (emitter) (emitter.of(INBOX_NAMESPACE).to(rooms).except(except) as any).emit(event, payload);
    else this.log.debug(`no socket server and no Redis: ${event} not pushed`);
  }

  private getEmitter(): Emitter | undefined {
    if (!this.config.redisUrl) return undefined;
    if (!this.emitter) {
      this.redis = guardPublish(new Redis(this.config.redisUrl, { maxRetriesPerRequest: 3 }));
      this.emitter = new Emitter(this.redis, { key: `${this.config.redisPrefix}:socket.io` });
    }
    return this.emitter;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
