import { Entity, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
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

  /** Alerted (live and by e-mail) when nobody is left to offer an incident to. */
  @Property({ type: 'uuid', nullable: true })
  supervisorId?: string | null;

  /** How long a technician has to answer an offer before it goes to the next one. */
  @Property({ type: 'integer' })
  offerMinutes: number & Opt = 30;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
