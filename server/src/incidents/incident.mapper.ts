import type { AuditEntryDto, ContactDto, IncidentDetailDto, IncidentSummaryDto, MessageDto, TimelineEntry } from '../contracts/api.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import type { Contact } from '../customers/contact.entity.js';
import { INCIDENT_TRANSITIONS } from '../domain/incident-state.js';
import type { Incident } from './incident.entity.js';
import type { Message } from './message.entity.js';

/** Relations an incident needs loaded to become a DTO. */
export const INCIDENT_POPULATE = ['department', 'assignee', 'contact', 'contact.customer'] as const;

export function toContactDto(c: Contact): ContactDto {
  return {
    id: c.id,
    name: c.name,
    email: c.email ?? null,
    phone: c.phone ?? null,
    customerId: c.customer?.id ?? null,
    customerName: c.customer?.name ?? null,
  };
}

export function toIncidentSummary(i: Incident): IncidentSummaryDto {
  return {
    id: i.id,
    reference: i.reference,
    subject: i.subject,
    status: i.status,
    priority: i.priority,
    department: i.department ? { id: i.department.id, name: i.department.name } : null,
    assignee: i.assignee ? { id: i.assignee.id, name: i.assignee.name } : null,
    contact: i.contact ? toContactDto(i.contact) : null,
    channelKind: i.channelKind,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    lastMessageAt: i.lastMessageAt.toISOString(),
    lastMessagePreview: i.lastMessagePreview,
    messageCount: i.messageCount,
    version: i.version,
  };
}

export function toMessageDto(m: Message): MessageDto {
  const author: MessageDto['author'] = m.authorUser
    ? { type: 'user', id: m.authorUser.id, name: m.authorUser.name }
    : m.authorContact
      ? { type: 'contact', id: m.authorContact.id, name: m.authorContact.name }
      : { type: 'system', id: null, name: 'Switchboard' };
  return {
    id: m.id,
    incidentId: m.incident.id,
    kind: m.kind,
    channelKind: m.channelKind ?? null,
    body: m.body,
    author,
    createdAt: m.createdAt.toISOString(),
  };
}

export function toAuditDto(a: AuditEntry): AuditEntryDto {
  return {
    id: a.id,
    actor: a.actor ? { id: a.actor.id, name: a.actor.name } : null,
    action: a.action,
    changes: a.changes,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toIncidentDetail(i: Incident, messages: Message[], audit: AuditEntry[]): IncidentDetailDto {
  const timeline: TimelineEntry[] = [
    ...messages.map((m) => ({ type: 'message' as const, ...toMessageDto(m) })),
    ...audit.map((a) => ({ type: 'audit' as const, ...toAuditDto(a) })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.type === b.type ? 0 : a.type === 'message' ? -1 : 1));
  return { ...toIncidentSummary(i), timeline, allowedTransitions: [...INCIDENT_TRANSITIONS[i.status]] };
}

/** First line(s) of a message, for the inbox list. */
export function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
