import { Injectable } from '@nestjs/common';
import { EntityManager, raw, type FilterQuery } from '@mikro-orm/postgresql';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import type { AssignmentStatus, ChannelKind, DeliveryStatus, MessageFlag, MessageKind, ReplyRoute, SenderKind } from '../contracts/api.js';
import { toTemplateDto } from '../channels/twilio-settings.js';
import type { Sql } from '../database/sql.js';
import type { WhatsAppTemplate } from '../domain/whatsapp-template.js';
import { INCIDENT_STATUSES, OPEN_STATUSES, type IncidentStatus } from '../domain/incident-state.js';
import { seesEverything, type IncidentPlacement, type ViewerScope } from '../domain/visibility.js';
import { Incident } from './incident.entity.js';
import { INCIDENT_POPULATE } from './incident.mapper.js';
import { Attachment } from './attachment.entity.js';
import { Message } from './message.entity.js';

/** A reply route with what sending needs: the channel, and the customer's name and language. */
export type ResolvedReplyRoute = ReplyRoute & { channelId: string; locale: string | null; name: string };

/** WhatsApp's customer-service window: free-form messages only within 24 h of the customer's last one. */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

export interface ListFilters {
  status?: IncidentStatus;
  departmentId?: string; // id or 'none'
  assigneeId?: string; // id or 'none' ('me' resolved by the caller)
  contactId?: string;
  /** Only those still to be worked on (new, open, pending). */
  active?: boolean;
  q?: string;
  cursor?: { updatedAt: Date; id: string };
  limit: number;
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The only place that queries incidents; services and the gateway go through it. */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly em: EntityManager) {}

  private scopeFilter(scope: ViewerScope): FilterQuery<Incident> {
    if (seesEverything(scope)) return {};
    if (scope.role === 'technician') return { assignee: scope.userId };
    return { $or: [{ assignee: scope.userId }, { department: null }, { department: { $in: scope.departmentIds } }] };
  }

  private filters(f: Omit<ListFilters, 'status' | 'cursor' | 'limit'>, scope: ViewerScope): FilterQuery<Incident>[] {
    const and: FilterQuery<Incident>[] = [this.scopeFilter(scope)];
    if (f.departmentId) and.push({ department: f.departmentId === 'none' ? null : f.departmentId });
    if (f.assigneeId) and.push({ assignee: f.assigneeId === 'none' ? null : f.assigneeId });
    if (f.contactId) and.push({ contact: f.contactId });
    if (f.active) and.push({ status: { $in: [...OPEN_STATUSES] } });
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      and.push({
        $or: [
          { subject: { $ilike: like } },
          { reference: { $ilike: like } },
          { contact: { name: { $ilike: like } } },
          { contact: { email: { $ilike: like } } },
          { contact: { phone: { $ilike: like } } },
        ],
      });
    }
    return and;
  }

  async list(f: ListFilters, scope: ViewerScope): Promise<{ items: Incident[]; counts: Record<IncidentStatus, number> }> {
    const em = this.em.fork();
    const base = this.filters(f, scope);
    const where: FilterQuery<Incident>[] = [...base];
    if (f.status) where.push({ status: f.status });
    if (f.cursor) {
      const { updatedAt, id } = f.cursor;
      where.push({ $or: [{ updatedAt: { $lt: updatedAt } }, { updatedAt, id: { $lt: id } }] });
    }
    const [items, counts] = await Promise.all([
      em.find(Incident, { $and: where }, { populate: INCIDENT_POPULATE, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], limit: f.limit }),
      this.countByStatus(em, base),
    ]);
    return { items, counts };
  }

  /** One grouped query for the counts per status, under the same filters but the status. */
  private async countByStatus(em: EntityManager, base: FilterQuery<Incident>[]): Promise<Record<IncidentStatus, number>> {
    const rows = await em
      .createQueryBuilder(Incident, 'i')
      .select(['i.status', raw('count(*) as n')])
      .where({ $and: base })
      .groupBy('i.status')
      .execute<{ status: IncidentStatus; n: string | number }[]>('all', false);
    const counts = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /**
   * An inbound message joining an existing incident, with its raw event. Run inside a transaction: the
   * incident row is locked first (one writer at a time per incident), then the raw event is inserted, and
   * only if it is new (not a redelivery) are the message, the incident's counters and a reopening written.
   * null: the raw event existed already (nothing written).
   */
  async appendInboundInTransaction(sql: Sql, i: AppendInboundRows): Promise<AppendedInbound | null> {
    const [incident] = await sql<{ reference: string; status: IncidentStatus }>(`select reference, status from incidents where id = ? for update`, [i.incidentId]);
    if (!incident) throw new Error(`incident ${i.incidentId} vanished`);
    const event =
      i.raw.mode === 'none'
        ? [{}]
        : i.raw.mode === 'insert'
          ? await sql(
              `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, incident_id, message_id, received_at, processed_at)
               values (?, ?, ?, ?, 'processed', 1, ?, ?, now(), now()) on conflict (channel_id, idempotency_key) do nothing returning id`,
              [i.inboundEventId, i.channelId, i.raw.key, JSON.stringify(i.raw.payload), i.incidentId, i.messageId],
            )
          : await sql(
              `update inbound_events set status = 'processed', attempts = attempts + 1, error = null, incident_id = ?, message_id = ?, processed_at = now()
               where id = ? and status <> 'processed' returning id`,
              [i.incidentId, i.messageId, i.inboundEventId],
            );
    if (event.length === 0) return null;
    await sql(
      `insert into messages (id, incident_id, kind, channel_kind, body, author_contact_id, author_user_id, inbound_event_id, created_at,
         channel_id, external_id, sender_kind, meta, flags)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[])`,
      [i.messageId, i.incidentId, i.messageKind ?? 'inbound', i.channelKind, i.body, i.authorContactId, i.authorUserId, i.inboundEventId, i.at, i.channelId, i.externalId, i.senderKind, i.meta ? JSON.stringify(i.meta) : null, i.flags],
    );
    const status = i.statusAfter(incident.status);
    const reopened = status !== incident.status;
    await sql(
      `update incidents set message_count = message_count + 1, updated_at = ?, last_message_at = greatest(last_message_at, ?),
         last_message_preview = ?, status = ?, version = version + ? where id = ?`,
      [i.at, i.sentAt, i.preview, status, reopened ? 1 : 0, i.incidentId],
    );
    if (reopened) {
      await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, null, 'reopened', ?, ?)`, [
        i.incidentId,
        JSON.stringify({ status: { from: incident.status, to: status } }),
        i.at,
      ]);
    }
    return { reference: incident.reference, status, reopenedFrom: reopened ? incident.status : null };
  }

  /**
   * An outbound message (an agent's reply, an automatic mail) joins its incident; inside the caller's
   * transaction, with the outbox row. An agent's reply moves a new incident to open.
   */
  async appendOutbound(sql: Sql, o: NewOutboundRows): Promise<{ status: IncidentStatus; statusChanged: boolean }> {
    const [incident] = await sql<{ status: IncidentStatus }>(`select status from incidents where id = ? for update`, [o.incidentId]);
    if (!incident) throw new Error(`incident ${o.incidentId} vanished`);
    await sql(
      `insert into messages (id, incident_id, kind, channel_kind, body, author_user_id, created_at, channel_id, external_id, meta, flags, delivery_status)
       values (?, ?, 'outbound', ?, ?, ?, ?, ?, ?, ?, ?::text[], ?)`,
      [o.messageId, o.incidentId, o.channelKind, o.body, o.authorUserId, o.at, o.channelId, o.externalId, JSON.stringify(o.meta), o.flags, o.deliveryStatus],
    );
    const status = o.byAgent && incident.status === 'new' ? 'open' : incident.status;
    // Automatic mail (acknowledgements, service orders) counts, but the list keeps showing the conversation.
    await sql(
      `update incidents set message_count = message_count + 1, updated_at = ?, status = ?, version = version + ?
         ${o.byAgent ? ', last_message_at = greatest(last_message_at, ?), last_message_preview = ?' : ''} where id = ?`,
      [o.at, status, status === incident.status ? 0 : 1, ...(o.byAgent ? [o.at, o.preview] : []), o.incidentId],
    );
    return { status, statusChanged: status !== incident.status };
  }

  /**
   * The assigned technician answers their service order. Only the current assignment of that technician
   * counts (a stale answer after a reassignment changes nothing: null). A decline takes the incident off
   * them and opens it for assignment again. Inside the caller's transaction; audited as the technician.
   */
  async applyTechnicianAnswer(sql: Sql, a: TechnicianAnswer): Promise<AnsweredAssignment | null> {
    const [row] = await sql<{ status: IncidentStatus; assignment_status: AssignmentStatus | null; department_id: string | null; technician_name: string; assignment_id: string }>(
      `select i.status, i.assignment_status, i.department_id, u.name as technician_name, i.assignment_id
       from incidents i join users u on u.id = i.assignee_id
       where i.id = ? and i.assignee_id = ? and i.assignment_id is not null ${a.assignmentId ? 'and i.assignment_id = ?' : ''} for update of i`,
      a.assignmentId ? [a.incidentId, a.technicianId, a.assignmentId] : [a.incidentId, a.technicianId],
    );
    if (!row) return null;
    const declined = a.answer === 'declined';
    // An offer made by the assignment module is answered too (then a decline offers the next candidate).
    const offer = await sql(`update assignment_offers set status = ?, answered_at = ?, via = ? where id = ? and status = 'offered' returning id`, [a.answer, a.at, a.via, row.assignment_id]);
    const status = declined && (row.status === 'pending' || row.status === 'new') ? 'open' : row.status;
    await sql(
      `update incidents set assignment_status = ?, assignee_id = case when ? then null else assignee_id end, assignment_id = case when ? then null else assignment_id end,
         status = ?, updated_at = ?, version = version + 1 where id = ?`,
      [a.answer, declined, declined, status, a.at, a.incidentId],
    );
    const changes: Record<string, { from: unknown; to: unknown }> = { assignmentStatus: { from: row.assignment_status, to: a.answer } };
    if (declined) changes.assignee = { from: row.technician_name, to: null };
    if (status !== row.status) changes.status = { from: row.status, to: status };
    await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, ?, ?, ?, ?)`, [
      a.incidentId,
      a.technicianId,
      `assignment.${a.answer}`,
      JSON.stringify({ ...changes, via: { from: null, to: a.via } }),
      a.at,
    ]);
    return { answer: a.answer, before: { departmentId: row.department_id, assigneeId: a.technicianId }, technicianName: row.technician_name, changed: Object.keys(changes), offered: offer.length > 0 };
  }

  /**
   * The incident's standing offer (of the assignment module) is withdrawn: an agent assigned it by hand,
   * or resolved or closed it. Its expiry then neither hands the incident back nor offers it to the next
   * technician. Inside the caller's transaction, with the incident locked first (as every writer of
   * incidents and offers does).
   */
  async withdrawOffers(sql: Sql, incidentId: string, at: Date): Promise<number> {
    return (await sql(`update assignment_offers set status = 'withdrawn', answered_at = ? where incident_id = ? and status = 'offered' returning id`, [at, incidentId])).length;
  }

  /** The Message-IDs of an incident's mail, oldest first, and the last one a customer sent. */
  async threadIds(sql: Sql, incidentId: string): Promise<{ all: string[]; lastInbound?: string }> {
    const rows = await sql<{ external_id: string; kind: string }>(`select external_id, kind from messages where incident_id = ? and external_id is not null order by created_at, id`, [incidentId]);
    return { all: rows.map((r) => r.external_id), lastInbound: rows.filter((r) => r.kind === 'inbound').at(-1)?.external_id };
  }

  async findWithTimeline(id: string): Promise<{ incident: Incident; messages: Message[]; audit: AuditEntry[]; attachments: Attachment[] } | null> {
    if (!isUuid(id)) return null;
    const em = this.em.fork();
    const incident = await em.findOne(Incident, { id }, { populate: INCIDENT_POPULATE });
    if (!incident) return null;
    const [messages, audit, attachments] = await Promise.all([
      em.find(Message, { incident: id }, { populate: ['authorUser', 'authorContact'], orderBy: { createdAt: 'asc', id: 'asc' } }),
      em.find(AuditEntry, { entityType: 'incident', entityId: id }, { populate: ['actor'], orderBy: { createdAt: 'asc' } }),
      em.find(Attachment, { message: { incident: id } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    ]);
    return { incident, messages, audit, attachments };
  }

  async findMessage(id: string): Promise<{ message: Message; attachments: Attachment[] } | null> {
    if (!isUuid(id)) return null;
    const em = this.em.fork();
    const message = await em.findOne(Message, { id }, { populate: ['authorUser', 'authorContact', 'incident'] });
    if (!message) return null;
    return { message, attachments: await em.find(Attachment, { message: id }, { orderBy: { createdAt: 'asc', id: 'asc' } }) };
  }

  /**
   * How an agent's reply reaches the customer: by e-mail to the incident's contact, from the incident's own
   * mailbox when it came in by e-mail, else from the first active e-mail channel. null when there is no
   * address or no mailbox.
   */
  async replyRoute(id: string): Promise<ResolvedReplyRoute | null> {
    // An incident that came in by SMS or WhatsApp is answered there, to the contact's number.
    const [messaging] = await this.em.getKnex().raw<{ rows: { kind: 'sms' | 'whatsapp'; to: string; from: string; channelId: string; locale: string | null; name: string; lastInbound: Date | null; templates: WhatsAppTemplate[] | null }[] }>(
      `select ch.kind, c.phone as "to", coalesce(ch.config->>'phoneNumber', ch.config->>'messagingServiceSid') as "from", ch.id as "channelId", c.locale, c.name, ch.config->'templates' as templates,
         (select max(m.created_at) from messages m where m.incident_id = i.id and m.kind = 'inbound' and m.channel_id = ch.id) as "lastInbound"
       from incidents i join contacts c on c.id = i.contact_id join channels ch on ch.id = i.channel_id and ch.active and ch.kind in ('sms', 'whatsapp')
       where i.id = ? and c.phone is not null`,
      [id],
    ).then((r) => r.rows);
    if (messaging) {
      const { kind, lastInbound, templates, ...rest } = messaging;
      const until = lastInbound ? new Date(new Date(lastInbound).getTime() + WHATSAPP_WINDOW_MS) : null;
      if (kind === 'sms') return { channelKind: kind, ...rest };
      return { channelKind: kind, ...rest, windowOpenUntil: until && until.getTime() > Date.now() ? until.toISOString() : null, templates: (templates ?? []).map(toTemplateDto) };
    }
    const [row] = await this.em.getKnex().raw<{ rows: { to: string; from: string; channelId: string; locale: string | null; name: string }[] }>(
      `select c.email as "to", c.locale, c.name, ch.id as "channelId", ch.config->>'address' as "from"
       from incidents i join contacts c on c.id = i.contact_id
       join lateral (select id, config from channels where kind = 'email' and active order by (id = i.channel_id) desc, created_at limit 1) ch on true
       where i.id = ? and c.email is not null`,
      [id],
    ).then((r) => r.rows);
    return row ? { channelKind: 'email', ...row } : null;
  }

  /** One incident with what its summary shows. */
  findSummary(id: string): Promise<Incident | null> {
    return this.em.fork().findOne(Incident, { id }, { populate: INCIDENT_POPULATE });
  }

  async placement(id: string): Promise<IncidentPlacement | null> {
    if (!isUuid(id)) return null;
    const row = await this.em.fork().findOne(Incident, { id }, { fields: ['department', 'assignee'] });
    return row ? { departmentId: row.department?.id ?? null, assigneeId: row.assignee?.id ?? null } : null;
  }

  /** A new incident for an existing message (unmerge of a request that joined by itself): its sender, channel and subject. */
  async insertForMessage(sql: Sql, r: { id: string; messageId: string; at: Date; subjectOf: (body: string) => string }): Promise<boolean> {
    const [m] = await sql<{ body: string; subject: string | null }>(`select body, meta->>'subject' as subject from messages where id = ?`, [r.messageId]);
    if (!m) return false;
    const subject = (m.subject?.trim() || r.subjectOf(m.body)).slice(0, 200);
    await sql(
      `with inc as (
         insert into incidents (id, reference, subject, status, priority, contact_id, customer_id, channel_kind, channel_id,
           created_at, updated_at, last_message_at, last_message_preview, message_count, version)
         select ?, 'SB-' || nextval('incident_reference_seq'), ?, 'new', 'normal', m.author_contact_id, c.customer_id, coalesce(m.channel_kind, 'webform'), m.channel_id,
           ?, ?, m.created_at, '', 0, 1
         from messages m left join contacts c on c.id = m.author_contact_id where m.id = ? returning id)
       insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at)
       select gen_random_uuid(), 'incident', inc.id, null, 'created', ?, ? from inc`,
      [r.id, subject, r.at, r.at, r.messageId, JSON.stringify({ status: { from: null, to: 'new' } }), r.at],
    );
    return true;
  }

  /**
   * A new incident with its first inbound message and its 'created' audit entry, made from a raw inbound
   * event, in ONE statement (the hot path of intake: one round trip instead of five):
   * - `raw.mode = 'insert'`: the raw event is inserted as processed; if its (channel, key) exists already
   *   (a redelivery) nothing at all is written and null is returned;
   * - `raw.mode = 'complete'`: an event stored earlier but not processed is marked processed.
   * The reference comes from a sequence (never reused, no race).
   */
  /** The service address of an incident that has none yet (a later request named it). */
  async fillSiteAddress(sql: Sql, id: string, address: string, key: string | null): Promise<boolean> {
    return (await sql(`update incidents set site_address = ?, site_key = ? where id = ? and site_address is null returning id`, [address, key, id])).length > 0;
  }

  async insertFromInboundEvent(sql: Sql, i: NewInboundRows): Promise<{ reference: string } | null> {
    const event =
      i.raw.mode === 'none'
        ? `select null::uuid as id`
        : i.raw.mode === 'insert'
        ? `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, incident_id, message_id, received_at, processed_at)
           values (?, ?, ?, ?, 'processed', 1, ?, ?, now(), now()) on conflict (channel_id, idempotency_key) do nothing returning id`
        : `update inbound_events set status = 'processed', attempts = attempts + 1, error = null, incident_id = ?, message_id = ?, processed_at = now()
           where id = ? and status <> 'processed' returning id`;
    const eventParams =
      i.raw.mode === 'none'
        ? []
        : i.raw.mode === 'insert'
          ? [i.inboundEventId, i.channelId, i.raw.key, JSON.stringify(i.raw.payload), i.incidentId, i.messageId]
          : [i.incidentId, i.messageId, i.inboundEventId];
    const rows = await sql<{ reference: string }>(
      `with ev as (${event}),
       inc as (
         insert into incidents (id, reference, subject, status, priority, contact_id, customer_id, channel_kind, channel_id,
           created_at, updated_at, last_message_at, last_message_preview, message_count, version, site_address, site_key)
         select ?, 'SB-' || nextval('incident_reference_seq'), ?, 'new', 'normal', ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ? from ev
         returning id, reference),
       msg as (
         insert into messages (id, incident_id, kind, channel_kind, body, author_contact_id, author_user_id, inbound_event_id, created_at,
           channel_id, external_id, sender_kind, meta, flags)
         select ?, inc.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[] from inc),
       aud as (
         insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at)
         select gen_random_uuid(), 'incident', inc.id, null, 'created', ?, ? from inc)
       select reference from inc`,
      [
        ...eventParams,
        ...[i.incidentId, i.subject, i.contactId, i.customerId, i.channelKind, i.channelId, i.at, i.at, i.sentAt, i.preview, i.siteAddress, i.siteKey],
        ...[i.messageId, i.messageKind ?? 'inbound', i.channelKind, i.body, i.authorContactId, i.authorUserId, i.inboundEventId, i.at],
        ...[i.channelId, i.externalId, i.senderKind, i.meta ? JSON.stringify(i.meta) : null, i.flags],
        ...[JSON.stringify({ status: { from: null, to: 'new' }, channel: { from: null, to: i.channelKind } }), i.at],
      ],
    );
    return rows[0] ?? null;
  }
}

/** The columns of an inbound message beyond its text. */
export interface InboundMessageColumns {
  /** Who wrote it: a contact, or (e-mail from a known address) a user. */
  authorContactId: string | null;
  authorUserId: string | null;
  senderKind: SenderKind;
  externalId: string | null;
  meta: Record<string, unknown> | null;
  flags: MessageFlag[];
}

export interface AppendedInbound {
  reference: string;
  status: IncidentStatus;
  /** The status before, when the message reopened the incident. */
  reopenedFrom: IncidentStatus | null;
}

/** What every inbound write has: the message's text, its channel, its raw event, when. */
export interface InboundEventRows extends InboundMessageColumns {
  incidentId: string;
  messageId: string;
  body: string;
  preview: string;
  channelKind: ChannelKind;
  channelId: string | null;
  /** null with raw mode 'none' (a call attached or logged by hand: no raw event of its own). */
  inboundEventId: string | null;
  raw: RawEventWrite;
  sentAt: Date;
  at: Date;
  /** 'inbound' unless said (an outbound phone call on the timeline). */
  messageKind?: MessageKind;
}

export interface NewInboundRows extends InboundEventRows {
  subject: string;
  contactId: string | null;
  customerId: string | null;
  siteAddress: string | null;
  siteKey: string | null;
}

export interface NewOutboundRows {
  incidentId: string;
  messageId: string;
  channelKind: ChannelKind;
  channelId: string;
  body: string;
  preview: string;
  authorUserId: string | null;
  /** An agent wrote it (not an automatic mail). */
  byAgent: boolean;
  externalId: string | null;
  meta: Record<string, unknown>;
  flags: MessageFlag[];
  deliveryStatus: DeliveryStatus;
  at: Date;
}

export interface TechnicianAnswer {
  incidentId: string;
  technicianId: string;
  /** The assignment answered (one-click links name it; a reply token names the technician only). */
  assignmentId?: string;
  answer: 'confirmed' | 'declined';
  via: 'email-reply' | 'link';
  at: Date;
}

export interface AnsweredAssignment {
  answer: 'confirmed' | 'declined';
  /** Where the incident was before (a decline takes it out of the technician's sight). */
  before: IncidentPlacement;
  technicianName: string;
  changed: string[];
  /** It answered an offer of the assignment module (a decline then goes to the next candidate). */
  offered: boolean;
}

/** insert: the raw event is new here; complete: it was stored earlier and is processed now; none: there is none. */
export type RawEventWrite = { mode: 'insert'; key: string; payload: unknown } | { mode: 'complete' } | { mode: 'none' };

export interface AppendInboundRows extends InboundEventRows {
  /** The incident's status once this message joined it (e.g. a customer's reply reopens it). */
  statusAfter: (current: IncidentStatus) => IncidentStatus;
}
