import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { ChannelDto, ChannelKind } from '../contracts/api.js';
import type { User } from '../users/user.entity.js';
import { Channel } from './channel.entity.js';

export const toChannelDto = (c: Channel): ChannelDto => ({ id: c.id, kind: c.kind, name: c.name, key: c.key, createdAt: c.createdAt.toISOString() });

@Injectable()
export class ChannelsService {
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

  /** An active intake door by its public key, or 404. */
  async byKey(kind: ChannelKind, key: string): Promise<Channel> {
    const channel = key.length <= 64 ? await this.em.fork().findOne(Channel, { key, kind, active: true }) : null;
    if (!channel) throw new NotFoundException('There is no such form. Check the address you were given.');
    return channel;
  }
}
