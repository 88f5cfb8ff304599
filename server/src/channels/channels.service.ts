import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { ChannelDto, ChannelKind } from '../contracts/api.js';
import type { User } from '../users/user.entity.js';
import { Channel } from './channel.entity.js';

export const toChannelDto = (c: Channel): ChannelDto => ({ id: c.id, kind: c.kind, name: c.name, key: c.key, createdAt: c.createdAt.toISOString() });

/** Intake doors are looked up on every inbound request; they change rarely. */
const CACHE_MS = 30_000;

@Injectable()
export class ChannelsService {
  private readonly cache = new Map<string, { channel: Channel; until: number }>();

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Channel[]> {
    return this.em.fork().find(Channel, {}, { orderBy: { createdAt: 'asc' } });
  }

  async create(kind: ChannelKind, name: string, actor: User | null): Promise<Channel> {
    const em = this.em.fork();
    const channel = em.create(Channel, { kind, name, key: randomBytes(18).toString('base64url'), config: {}, active: true, createdAt: new Date() });
    this.audit.record(em, { entityType: 'channel', entityId: channel.id, actor, action: 'created', changes: { kind: { from: null, to: kind }, name: { from: null, to: name } } });
    await em.flush();
    return channel;
  }

  /** An active intake door by its public key, or 404. Cached for CACHE_MS (a deactivation takes that long). */
  async byKey(kind: ChannelKind, key: string): Promise<Channel> {
    const hit = this.cache.get(`key:${key}`);
    if (hit && hit.until > Date.now() && hit.channel.kind === kind) return hit.channel;
    const channel = key.length <= 64 ? await this.em.fork().findOne(Channel, { key, kind, active: true }) : null;
    if (!channel) throw new NotFoundException('There is no such form. Check the address you were given.');
    this.remember(channel);
    return channel;
  }

  async byId(id: string): Promise<Channel> {
    const hit = this.cache.get(`id:${id}`);
    if (hit && hit.until > Date.now()) return hit.channel;
    const channel = await this.em.fork().findOneOrFail(Channel, { id });
    this.remember(channel);
    return channel;
  }

  private remember(channel: Channel): void {
    if (this.cache.size > 1000) this.cache.clear();
    const entry = { channel, until: Date.now() + CACHE_MS };
    this.cache.set(`key:${channel.key}`, entry);
    this.cache.set(`id:${channel.id}`, entry);
  }
}
