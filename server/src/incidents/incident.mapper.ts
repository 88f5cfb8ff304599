import type { AttachmentDto, AuditEntryDto, CallDto, ContactDto, EmailMessageDto, ReplyRoute, IncidentDetailDto, IncidentSummaryDto, MessageDto, TimelineEntry } from '../contracts/api.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import type { Contact } from '../customers/contact.entity.js';
import { INCIDENT_TRANSITIONS } from '../domain/incident-state.js';
import type { Incident } from './incident.entity.js';
import type { Attachment } from './attachment.entity.js';
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
    assignmentStatus: i.assignmentStatus ?? null,
    siteAddress: i.siteAddress ?? null,
    asset: i.asset ?? null,
    serviceType: i.serviceType ?? null,
    requestedWindow: i.requestedWindow ?? null,
    maintenanceKind: i.maintenanceKind ?? null,
    tags: i.tags ?? [],
    sla: i.slaState ?? null,
    version: i.version,
  };
}

export function toMessageDto(m: Message, attachments?: Attachment[]): MessageDto {
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
    senderKind: m.senderKind ?? null,
    flags: m.flags ?? [],
    email: m.channelKind === 'email' && m.meta ? toEmailDto(m.meta) : null,
    attachments: (attachments ?? []).map(toAttachmentDto),
    delivery: m.deliveryStatus ? { status: m.deliveryStatus, error: m.deliveryError ?? null } : null,
    call: m.channelKind === 'phone' && m.meta?.call ? (m.meta.call as CallDto) : null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** messages.meta of an e-mail (inbound: EmailMeta of channels/email; outbound: what was sent). */
export function toEmailDto(meta: Record<string, unknown>): EmailMessageDto {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    from: str(meta.from),
    to: list(meta.to),
    cc: list(meta.cc),
    subject: str(meta.subject),
    html: str(meta.html),
    hasBlockedImages: meta.hasBlockedImages === true,
    fullText: str(meta.fullText) ?? '',
    quotedHistoryStripped: meta.quotedHistoryStripped === true,
    automatic: str((meta.automatic as { kind?: unknown } | undefined)?.kind) ?? 'human',
  };
}

export function toAttachmentDto(a: Attachment): AttachmentDto {
  return { id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, inline: a.inline, cid: a.cid ?? null, rejected: a.rejected ?? null };
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

/** What the detail shows beyond the incident's own rows: duplicates and merges (duplicates/). */
export type IncidentRelations = Pick<IncidentDetailDto, 'mergedInto' | 'duplicates' | 'merges'>;

export function toIncidentDetail(i: Incident, messages: Message[], audit: AuditEntry[], attachments: Attachment[], reply: ReplyRoute | null, relations: IncidentRelations): IncidentDetailDto {
  const byMessage = new Map<string, Attachment[]>();
  for (const a of attachments) byMessage.set(a.message.id, [...(byMessage.get(a.message.id) ?? []), a]);
  const timeline: TimelineEntry[] = [
    ...messages.map((m) => ({ type: 'message' as const, ...toMessageDto(m, byMessage.get(m.id)) })),
    ...audit.map((a) => ({ type: 'audit' as const, ...toAuditDto(a) })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.type === b.type ? 0 : a.type === 'message' ? -1 : 1));
  return { ...toIncidentSummary(i), timeline, allowedTransitions: i.mergedIntoId ? [] : [...INCIDENT_TRANSITIONS[i.status]], reply, ...relations };
}

/** First line(s) of a message, for the inbox list. */
export function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
