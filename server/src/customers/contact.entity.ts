import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from './customer.entity.js';

/**
 * A person who writes to us. E-mail (lower-cased) and phone (E.164) are each unique when present:
 * partial unique indexes created in the migration.
 */
@Entity({ tableName: 'contacts' })
export class Contact {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { nullable: true, deleteRule: 'set null' })
  @Index()
  customer?: Customer | null;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', length: 5, nullable: true })
  locale?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
