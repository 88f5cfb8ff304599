import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Message } from './message.entity.js';

/** A file that came with a message. The content is loaded only when downloaded. */
@Entity({ tableName: 'attachments' })
export class Attachment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => Message, { deleteRule: 'cascade' })
  message!: Message;

  @Property({ type: 'string', length: 255 })
  filename!: string;

  /** Detected from the content, not the sender's word. */
  @Property({ type: 'string', length: 127 })
  contentType!: string;

  @Property({ type: 'string', length: 127, nullable: true })
  declaredType?: string | null;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'string', length: 64, columnType: 'char(64)' })
  sha256!: string;

  @Property({ type: 'boolean' })
  inline: boolean = false;

  @Property({ type: 'string', length: 255, nullable: true })
  cid?: string | null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  content?: Buffer | null;

  /** Why the content was not kept (too large, type not allowed). */
  @Property({ type: 'string', length: 200, nullable: true })
  rejected?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
