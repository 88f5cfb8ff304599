import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ChannelKind, DeliveryStatus, MessageFlag, MessageKind, SenderKind } from '../contracts/api.js';
import { Contact } from '../customers/contact.entity.js';
import { User } from '../users/user.entity.js';
import { Incident } from './incident.entity.js';

@Entity({ tableName: 'messages' })
@Index({ properties: ['incident', 'createdAt'] })
export class Message {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Incident, { deleteRule: 'cascade' })
  incident!: Incident;

  @Enum({ items: ['inbound', 'outbound', 'note'], type: 'string' })
  kind!: MessageKind;

  @Enum({ items: ['webform', 'email', 'sms', 'whatsapp', 'phone'], type: 'string', nullable: true })
  channelKind?: ChannelKind | null;

  /** Plain text, stored as received; escaped when shown. */
  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  authorUser?: User | null;

  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  authorContact?: Contact | null;

  /** The raw event this message came from: unique, so one inbound payload makes at most one message. */
  @Unique()
  @Property({ type: 'uuid', nullable: true })
  inboundEventId?: string | null;

  /** The channel it came in or went out on. */
  @Property({ type: 'uuid', nullable: true })
  channelId?: string | null;

  /** Message-ID of a mail (normalised `<local@domain>`), received or sent: replies are threaded by it. */
  @Property({ type: 'string', length: 998, nullable: true })
  externalId?: string | null;

  @Enum({ items: ['customer', 'contact', 'technician', 'agent', 'unknown'], type: 'string', nullable: true })
  senderKind?: SenderKind | null;

  /** Channel-specific detail (e-mail: addresses, sanitised HTML, full text, automatic-mail class). */
  @Property({ type: 'json', nullable: true })
  meta?: Record<string, unknown> | null;

  @Property({ type: 'string[]', columnType: 'text[]' })
  flags: MessageFlag[] & Opt = [];

  @Enum({ items: ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'bounced'], type: 'string', nullable: true })
  deliveryStatus?: DeliveryStatus | null;

  @Property({ type: 'text', nullable: true })
  deliveryError?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
