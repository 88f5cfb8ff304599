import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Channel } from '../channels/channel.entity.js';

export const INBOUND_STATUSES = ['received', 'processed', 'ignored', 'failed', 'invalid'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/**
 * Every inbound payload, written raw before anything else happens. (channel, idempotency key) is unique,
 * so a second delivery is recognised; processing can be replayed from this row.
 */
@Entity({ tableName: 'inbound_events' })
@Unique({ properties: ['channel', 'idempotencyKey'] })
@Index({ properties: ['status', 'receivedAt'] })
export class InboundEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Channel, { deleteRule: 'restrict' })
  channel!: Channel;

  @Property({ type: 'string', length: 255 })
  idempotencyKey!: string;

  /** The payload as received (envelope of the channel). */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Enum({ items: () => INBOUND_STATUSES, type: 'string' })
  status: InboundStatus = 'received';

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'uuid', nullable: true })
  incidentId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  messageId?: string | null;

  @Property({ type: 'datetime' })
  receivedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  processedAt?: Date | null;
}
