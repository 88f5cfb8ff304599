import { Collection, Entity, Enum, Index, ManyToMany, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Locale, Role } from '../contracts/api.js';
import { Department } from './department.entity.js';

@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** lower-cased */
  @Unique()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash!: string;

  @Enum({ items: ['admin', 'agent', 'technician'], type: 'string' })
  @Index()
  role!: Role;

  @Enum({ items: ['es', 'en', 'ro'], type: 'string' })
  locale: Locale = 'es';

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** More addresses the person writes from (a technician's phone mail client), lower-cased. */
  @Property({ type: 'string[]', columnType: 'text[]' })
  extraEmails: string[] & Opt = [];

  /** Registered mobile, E.164 (technicians: service orders by SMS, answers only from it). */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @ManyToMany(() => Department, undefined, { pivotTable: 'user_departments', owner: true })
  departments = new Collection<Department>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
