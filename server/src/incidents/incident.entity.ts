import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { AssignmentStatus, ChannelKind } from '../contracts/api.js';
import type { MaintenanceKind } from '../domain/rules/types.js';
import type { IncidentSlaDto } from '../contracts/sla.js';
import { Contact } from '../customers/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { INCIDENT_STATUSES, PRIORITIES, type IncidentStatus, type Priority } from '../domain/incident-state.js';
import { Department } from '../users/department.entity.js';
import { User } from '../users/user.entity.js';

@Entity({ tableName: 'incidents' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['status'] })
export class Incident {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** "SB-1001": from the incident_reference_seq sequence (see the migration). */
  @Unique()
  @Property({ type: 'string', length: 20 })
  reference!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Enum({ items: () => INCIDENT_STATUSES, type: 'string' })
  status: IncidentStatus = 'new';

  @Enum({ items: () => PRIORITIES, type: 'string' })
  priority: Priority = 'normal';

  @ManyToOne(() => Department, { nullable: true, deleteRule: 'set null' })
  @Index()
  department?: Department | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  @Index()
  assignee?: User | null;

  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  @Index()
  contact?: Contact | null;

  @ManyToOne(() => Customer, { nullable: true, deleteRule: 'set null' })
  customer?: Customer | null;

  @Enum({ items: ['webform', 'email', 'sms', 'whatsapp', 'phone'], type: 'string' })
  channelKind!: ChannelKind;

  @Property({ type: 'uuid', nullable: true })
  channelId?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastMessageAt: Date = new Date();

  @Property({ type: 'string', length: 200 })
  lastMessagePreview: string = '';

  @Property({ type: 'integer' })
  messageCount: number = 0;

  /** A new id each time a technician is assigned: their service order and their answer refer to it. */
  @Property({ type: 'uuid', nullable: true })
  assignmentId?: string | null;

  @Enum({ items: ['pending', 'confirmed', 'declined'], type: 'string', nullable: true })
  assignmentStatus?: AssignmentStatus | null;

  @Property({ type: 'string', length: 300, nullable: true })
  siteAddress?: string | null;

  /** The service address as duplicate detection compares it (siteKeyOf); kept with siteAddress, never shown. */
  @Property({ type: 'string', length: 300, nullable: true, hidden: true })
  siteKey?: string | null;

  /** The object of the work: the equipment, installation or line. */
  @Property({ type: 'string', length: 200, nullable: true })
  asset?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  serviceType?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  requestedWindow?: string | null;

  /** preventive, conductive, corrective or inductive maintenance (workflow rules read and set it). */
  @Enum({ items: ['preventive', 'conductive', 'corrective', 'inductive'], type: 'string', nullable: true })
  maintenanceKind?: MaintenanceKind | null;

  @Property({ type: 'array', columnType: 'text[]' })
  tags: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  slaPolicyId?: string | null;

  /** The SLA clocks as last computed (sla/). */
  @Property({ type: 'json', nullable: true })
  slaState?: IncidentSlaDto | null;

  /** Merged into another incident (then closed): duplicates/. */
  @Property({ type: 'uuid', nullable: true })
  mergedIntoId?: string | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}
