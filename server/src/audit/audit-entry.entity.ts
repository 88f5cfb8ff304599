import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity.js';

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** Who changed what, when: one row per change to business data. */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['entityType', 'entityId', 'createdAt'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 40 })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** null = the system (intake, schedules) */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor?: User | null;

  @Property({ type: 'string', length: 60 })
  action!: string;

  @Property({ type: 'json' })
  changes: AuditChanges = {};

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
