import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { DedupPolicyDto } from '../contracts/duplicates.js';

@Entity({ tableName: 'departments' })
export class Department {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'string', length: 120 })
  name!: string;

  /** Its own duplicate window and thresholds (null: the defaults of domain/dedup). */
  @Property({ type: 'json', nullable: true })
  dedupPolicy?: DedupPolicyDto | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
