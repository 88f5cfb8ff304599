import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ChannelKind } from '../contracts/api.js';

@Entity({ tableName: 'channels' })
export class Channel {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: ['webform', 'email', 'sms', 'whatsapp', 'phone'], type: 'string' })
  kind!: ChannelKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Public, unguessable key of the intake door. */
  @Unique()
  @Property({ type: 'string', length: 64 })
  key!: string;

  /** Channel settings (credentials are encrypted by the channel's own module). */
  @Property({ type: 'json' })
  config: Record<string, unknown> = {};

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
