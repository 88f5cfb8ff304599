import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { AuditService } from '../audit/audit.service.js';
import type { AuditChanges } from '../audit/audit-entry.entity.js';
import type { Viewer } from '../auth/auth.decorators.js';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ChannelKind, ContactDto, ReplyRoute, UserRefDto, IncidentDetailDto, IncidentListDto, IncidentPatch, IncidentSummaryDto, MessageDto, MessageKind } from '../contracts/api.js';
import { sqlInTransactionOf, sqlOf, type Sql } from '../database/sql.js';
import { siteKeyOf } from '../domain/dedup/index.js';
import { OPEN_STATUSES, statusAfterAssignment, statusAfterCustomerMessage, transition, type IncidentStatus } from '../domain/incident-state.js';
import { canSee, roomsOfIncident, roomsThatLostSight, type IncidentPlacement, type ViewerScope } from '../domain/visibility.js';
import { DuplicatesRepository } from '../duplicates/duplicates.repository.js';
import type { Routed } from '../workflow/workflow.service.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { Department } from '../users/department.entity.js';
import { User } from '../users/user.entity.js';
import { Incident } from './incident.entity.js';
import { INCIDENT_POPULATE, preview, toIncidentDetail, toIncidentSummary, toMessageDto } from './incident.mapper.js';
import { IncidentsRepository, isUuid, type AnsweredAssignment, type InboundEventRows, type InboundMessageColumns, type ListFilters, type RawEventWrite, type TechnicianAnswer } from './incidents.repository.js';
import { Message } from './message.entity.js';

export const scopeOf = (v: Viewer): ViewerScope => ({ userId: v.user.id, role: v.user.role, departmentIds: v.departmentIds });
const placementOf = (i: Incident): IncidentPlacement => ({ departmentId: i.department?.id ?? null, assigneeId: i.assignee?.id ?? null });

/** A technician was assigned: they get a service order (EmailModule listens). */
export interface Assignment {
  incidentId: string;
  technicianId: string;
  assignmentId: string;
}

/** A technician answered an assignment (the assignment module offers the next candidate after a decline). */
export interface AnswerNotice {
  incidentId: string;
  answer: 'confirmed' | 'declined';
  offered: boolean;
}

/** An agent changed an incident (workflow rules listen). */
export interface IncidentChange {
  incidentId: string;
  changed: string[];
  /** Where it is now. */
  after: IncidentPlacement;
}

@Injectable()
export class IncidentsService {
  /** 'assigned' (Assignment) after an assignment to a technician commits; 'released' (duplicates/Release). */
  readonly assignments = new EventEmitter();
  /** 'updated' (IncidentChange) after an agent's change commits; 'responded' (incident id) after an agent's reply. */
  readonly changes = new EventEmitter();

  constructor(
    private readonly em: EntityManager,
    private readonly repo: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly publisher: InboxPublisher,
    private readonly duplicates: DuplicatesRepository,
  ) {}

  async list(filters: ListFilters, viewer: Viewer): Promise<IncidentListDto> {
    const { items, counts } = await this.repo.list({ ...filters, limit: filters.limit + 1 }, scopeOf(viewer));
    const page = items.slice(0, filters.limit);
    const last = page.at(-1);
    const nextCursor = items.length > filters.limit && last ? encodeCursor(last) : null;
    return { items: page.map(toIncidentSummary), counts, nextCursor };
  }

  async get(id: string, viewer: Viewer): Promise<IncidentDetailDto> {
    const found = await this.repo.findWithTimeline(id);
    if (!found || !canSee(scopeOf(viewer), placementOf(found.incident))) throw new NotFoundException(`No incident ${id} (or you may not see it).`);
    return this.detail(found);
  }

  private async detail(found: NonNullable<Awaited<ReturnType<IncidentsRepository['findWithTimeline']>>>): Promise<IncidentDetailDto> {
    const sql = sqlOf(this.em);
    const id = found.incident.id;
    const [reply, duplicates, merges, mergedInto] = await Promise.all([
      this.repo.replyRoute(id),
      this.duplicates.suggestionsOf(sql, id),
      this.duplicates.mergesInto(sql, id),
      found.incident.mergedIntoId ? this.repo.findSummary(found.incident.mergedIntoId) : null,
    ]);
    const relations = { duplicates, merges, mergedInto: mergedInto ? { id: mergedInto.id, reference: mergedInto.reference, subject: mergedInto.subject } : null };
    return toIncidentDetail(found.incident, found.messages, found.audit, found.attachments, publicRoute(reply), relations);
  }

  async addNote(id: string, body: string, viewer: Viewer): Promise<MessageDto> {
    const now = new Date();
    const { message, incident, counts } = await this.em.fork().transactional(async (em) => {
      const incident = await this.loadVisible(em, id, viewer);
      const message = em.create(Message, { incident, kind: 'note', channelKind: null, body, authorUser: em.getReference(User, viewer.user.id), createdAt: now });
      await em.flush();
      // A note is not an edit of the incident: bump its counters without its version, so notes never
      // conflict with each other or with a colleague's status change.
      const [counts] = await sqlInTransactionOf(em)<{ message_count: number }>(`update incidents set message_count = message_count + 1, updated_at = ? where id = ? returning message_count`, [now, id]);
      return { message, incident, counts };
    });
    Object.assign(incident, { messageCount: counts.message_count, updatedAt: now }); // for the event only (no flush follows)
    message.authorUser = viewer.user;
    const dto = toMessageDto(message);
    const rooms = roomsOfIncident(placementOf(incident));
    this.publisher.publish(rooms, 'message.created', { incidentId: id, message: dto });
    this.publisher.publish(rooms, 'incident.updated', { incident: toIncidentSummary(incident), changed: ['messages'], by: { id: viewer.user.id, name: viewer.user.name } });
    return dto;
  }

  async update(id: string, patch: IncidentPatch, viewer: Viewer): Promise<IncidentDetailDto> {
    let before: IncidentPlacement | undefined;
    let after: Incident | undefined;
    let changed: string[] = [];
    let assigned: Assignment | null = null;
    await this.em.fork().transactional(async (em) => {
      const incident = await this.loadVisible(em, id, viewer, true);
      if (patch.version !== undefined && patch.version !== incident.version) {
        throw new ConflictException(`This incident changed meanwhile (version ${incident.version}, you had ${patch.version}). Reload it and try again.`);
      }
      if (viewer.user.role === 'technician' && (patch.assigneeId !== undefined || patch.departmentId !== undefined)) {
        throw new ForbiddenException('Technicians cannot reassign incidents.');
      }
      // The SLA policy is the desk's promise to the customer: a technician's edit must not move or clear its clocks.
      if (viewer.user.role === 'technician' && patch.slaPolicyId !== undefined) throw new ForbiddenException('Technicians cannot change the SLA policy.');
      before = placementOf(incident);
      const changes: AuditChanges = {};
      const set = <K extends keyof Incident>(key: K, value: Incident[K], show: (v: Incident[K]) => unknown = (v) => v) => {
        if (incident[key] === value) return;
        changes[key as string] = { from: show(incident[key]), to: show(value) };
        incident[key] = value;
      };
      const refName = (v: { name: string } | null | undefined) => v?.name ?? null;

      if (patch.departmentId !== undefined) {
        const dept = patch.departmentId === null ? null : await em.findOne(Department, { id: patch.departmentId });
        if (patch.departmentId !== null && !dept) throw new BadRequestException({ message: 'That department does not exist.', fields: { departmentId: 'unknown department' } });
        if ((incident.department?.id ?? null) !== (dept?.id ?? null)) set('department', dept, refName);
      }
      if (patch.assigneeId !== undefined) {
        const user = patch.assigneeId === null ? null : await em.findOne(User, { id: patch.assigneeId, active: true });
        if (patch.assigneeId !== null && !user) throw new BadRequestException({ message: 'That person does not exist or is inactive.', fields: { assigneeId: 'unknown user' } });
        if ((incident.assignee?.id ?? null) !== (user?.id ?? null)) {
          set('assignee', user, refName);
          if (user && patch.status === undefined) set('status', statusAfterAssignment(incident.status));
        }
      }
      if (patch.status !== undefined) set('status', transition(incident.status, patch.status));
      if (patch.priority !== undefined) set('priority', patch.priority);
      for (const key of ['siteAddress', 'asset', 'serviceType', 'requestedWindow'] as const) {
        if (patch[key] !== undefined) set(key, patch[key] || null);
      }
      if (changes.siteAddress) incident.siteKey = siteKeyOf(incident.siteAddress);
      if (patch.slaPolicyId !== undefined && patch.slaPolicyId !== (incident.slaPolicyId ?? null)) {
        const [policy] = patch.slaPolicyId ? await em.getConnection().execute<{ name: string }[]>(`select name from sla_policies where id = ?`, [patch.slaPolicyId]) : [];
        if (patch.slaPolicyId && !policy) throw new BadRequestException({ message: 'That SLA policy does not exist.', fields: { slaPolicyId: 'unknown policy' } });
        set('slaPolicyId', patch.slaPolicyId, (v) => (v === patch.slaPolicyId ? (policy?.name ?? null) : v));
      }
      if (changes.assignee) {
        // A technician gets a service order and answers it; anyone else is simply assigned.
        const technician = incident.assignee?.role === 'technician';
        incident.assignmentId = technician ? randomUUID() : null;
        set('assignmentStatus', technician ? 'pending' : null);
        if (technician) assigned = { incidentId: incident.id, technicianId: incident.assignee!.id, assignmentId: incident.assignmentId! };
      }

      changed = Object.keys(changes);
      if (changed.length === 0) return;
      incident.updatedAt = new Date();
      // A standing offer ends with a new assignee chosen by hand or with the work (resolved, closed): its
      // expiry must not take the incident from the one chosen, nor offer a finished incident again.
      if (changes.assignee || (changes.status && !OPEN_STATUSES.includes(incident.status))) await this.repo.withdrawOffers(sqlInTransactionOf(em), incident.id, incident.updatedAt);
      this.audit.record(em, { entityType: 'incident', entityId: incident.id, actor: viewer.user, action: 'updated', changes });
      after = incident;
    });
    if (after && before) {
      // The full incident only to those who may see it now; a bare 'removed' to those who no longer may.
      const now = roomsOfIncident(placementOf(after));
      this.publisher.publish(now, 'incident.updated', { incident: toIncidentSummary(after), changed, by: { id: viewer.user.id, name: viewer.user.name } });
      this.publisher.publish(roomsThatLostSight(before, placementOf(after)), 'incident.removed', { incidentId: id }, now);
    }
    if (assigned) this.assignments.emit('assigned', assigned);
    if (after) this.changes.emit('updated', { incidentId: id, changed, after: placementOf(after) } satisfies IncidentChange);
    // Answered even when the change took the incident out of the caller's sight: they just made it.
    const found = await this.repo.findWithTimeline(id);
    if (!found) throw new NotFoundException(`No incident ${id}.`);
    return this.detail(found);
  }

  /** 404 unless the message exists and this viewer may see its incident. */
  async messageVisible(messageId: string, viewer: Viewer): Promise<void> {
    const found = await this.repo.findMessage(messageId);
    if (!found || !canSee(scopeOf(viewer), placementOf(found.message.incident))) throw new NotFoundException(`No message ${messageId} (or you may not see it).`);
  }

  /** The incident if this viewer may see it, else 404. */
  visible(id: string, viewer: Viewer): Promise<Incident> {
    return this.loadVisible(this.em.fork(), id, viewer);
  }

  /** After an outbound message commits: the message and the incident's new counters to the inboxes. */
  async announceOutbound(incidentId: string, message: MessageDto, by: UserRefDto | null, statusChanged: boolean): Promise<void> {
    if (by) this.changes.emit('responded', incidentId); // an agent answered: the first-response clock may have stopped
    const incident = await this.repo.findSummary(incidentId);
    if (!incident) return;
    const rooms = roomsOfIncident(placementOf(incident));
    this.publisher.publish(rooms, 'message.created', { incidentId, message });
    this.publisher.publish(rooms, 'incident.updated', { incident: toIncidentSummary(incident), changed: statusChanged ? ['messages', 'status'] : ['messages'], by });
  }

  private async loadVisible(em: EntityManager, id: string, viewer: Viewer, lock = false): Promise<Incident> {
    const notFound = () => new NotFoundException(`No incident ${id} (or you may not see it).`);
    if (!isUuid(id)) throw notFound();
    // Lock the row alone (FOR UPDATE cannot apply to outer joins), then load the relations.
    const incident = await em.findOne(Incident, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!incident) throw notFound();
    await em.populate(incident, INCIDENT_POPULATE);
    if (!canSee(scopeOf(viewer), placementOf(incident))) throw notFound();
    return incident;
  }

  /**
   * Used by ingest: a new incident with its first inbound message, written with its raw event (see
   * IncidentsRepository.insertFromInboundEvent). null: the raw event existed already.
   */
  async openFromInbound(sql: Sql, input: NewInboundIncident): Promise<InboundOutcome | null> {
    const at = new Date();
    const ids = { incidentId: randomUUID(), messageId: randomUUID() };
    const subject = input.subject.slice(0, 200) || preview(input.body).slice(0, 80) || '(no subject)';
    const rows = eventRows(ids.incidentId, ids.messageId, input, at);
    const lastMessagePreview = rows.preview;
    const siteAddress = input.siteAddress?.slice(0, 300) || null;
    const made = await this.repo.insertFromInboundEvent(sql, { ...rows, subject, contactId: input.contact?.id ?? null, customerId: input.contact?.customerId ?? null, siteAddress, siteKey: siteKeyOf(siteAddress) });
    if (!made) return null;
    const incident: IncidentSummaryDto = {
      id: ids.incidentId,
      reference: made.reference,
      subject,
      status: 'new',
      priority: 'normal',
      department: null,
      assignee: null,
      contact: input.contact,
      channelKind: input.channelKind,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      lastMessageAt: input.sentAt.toISOString(),
      lastMessagePreview,
      messageCount: 1,
      assignmentStatus: null,
      siteAddress,
      asset: null,
      serviceType: null,
      requestedWindow: null,
      maintenanceKind: null,
      tags: [],
      sla: null,
      version: 1,
    };
    return { kind: 'created', incident, message: inboundMessageDto(ids.messageId, ids.incidentId, input, at) };
  }

  /**
   * Used by ingest, inside its transaction: an inbound message joins an existing incident (a threaded
   * reply). A customer's or contact's human reply reopens a pending or resolved incident; automatic mail
   * and colleagues' messages do not. null: the raw event existed already.
   */
  async appendFromInbound(sql: Sql, incidentId: string, input: Omit<NewInboundIncident, 'subject'>): Promise<InboundOutcome | null> {
    const at = new Date();
    const messageId = randomUUID();
    const reopens = (input.columns.senderKind === 'customer' || input.columns.senderKind === 'contact') && !input.columns.flags.includes('automatic');
    const made = await this.repo.appendInboundInTransaction(sql, {
      ...eventRows(incidentId, messageId, input, at),
      statusAfter: (current) => (reopens ? statusAfterCustomerMessage(current) : current),
    });
    if (!made) return null;
    // A request that names the service address gives it to an incident that had none.
    const siteAddress = input.siteAddress?.slice(0, 300);
    const filled = siteAddress ? await this.repo.fillSiteAddress(sql, incidentId, siteAddress, siteKeyOf(siteAddress)) : false;
    return { kind: 'appended', incidentId, reopenedFrom: made.reopenedFrom, message: inboundMessageDto(messageId, incidentId, input, at), ...(filled ? { siteFilled: siteAddress } : {}) };
  }

  /**
   * Inside the caller's transaction: a new incident for a message that has none of its own (a request that
   * had joined another incident by itself, being unmerged). The caller moves the message and counts.
   */
  async openFromMessage(sql: Sql, messageId: string, at: Date): Promise<string> {
    const id = randomUUID();
    const made = await this.repo.insertForMessage(sql, { id, messageId, at, subjectOf: (body) => preview(body).slice(0, 80) || '(no subject)' });
    if (!made) throw new NotFoundException(`The request ${messageId} no longer exists.`);
    return id;
  }

  /** After commit: an incident made outside intake (unmerge) to the inboxes, with its messages. */
  async announceCreated(id: string): Promise<void> {
    const incident = await this.repo.findSummary(id);
    if (incident) this.publisher.publish(roomsOfIncident(placementOf(incident)), 'incident.created', { incident: toIncidentSummary(incident) });
  }

  /** A message changed after it was created (delivery status): tell those who see its incident. */
  async announceMessageChanged(messageId: string): Promise<void> {
    const found = await this.repo.findMessage(messageId);
    if (!found) return;
    const rooms = roomsOfIncident(placementOf(found.message.incident));
    this.publisher.publish(rooms, 'message.updated', { incidentId: found.message.incident.id, message: toMessageDto(found.message, found.attachments) });
  }

  /** A change made outside the unit of work (workflow rules) committed: to who sees it now, gone for who no longer does. */
  async announceChange(id: string, before: IncidentPlacement, changed: string[], by: UserRefDto | null): Promise<void> {
    const incident = await this.repo.findSummary(id);
    if (!incident) return;
    const now = roomsOfIncident(placementOf(incident));
    this.publisher.publish(now, 'incident.updated', { incident: toIncidentSummary(incident), changed, by });
    this.publisher.publish(roomsThatLostSight(before, placementOf(incident)), 'incident.removed', { incidentId: id }, now);
  }

  /** After ingest commits: tell the inboxes. */
  async announceInbound(outcome: InboundOutcome): Promise<void> {
    if (outcome.kind === 'created') {
      // Where the workflow rules put it.
      const rooms = roomsOfIncident({ departmentId: outcome.incident.department?.id ?? null, assigneeId: outcome.incident.assignee?.id ?? null });
      // One event: the incident with the message that opened it.
      this.publisher.publish(rooms, 'incident.created', { incident: outcome.incident, message: outcome.message });
      return;
    }
    const incident = await this.repo.findSummary(outcome.incidentId);
    if (!incident) return;
    const rooms = roomsOfIncident(placementOf(incident));
    // Before the answer moves the incident: the technician who declines still sees their own reply arrive.
    const before = outcome.answered ? roomsOfIncident(outcome.answered.before) : rooms;
    this.publisher.publish([...new Set([...rooms, ...before])], 'message.created', { incidentId: incident.id, message: outcome.message });
    if (outcome.answered) return this.announceAnswer(incident, outcome.answered, outcome.message.author.type === 'user' ? { id: outcome.message.author.id, name: outcome.message.author.name } : null);
    const changed = outcome.reopenedFrom ? ['messages', 'status'] : ['messages'];
    this.publisher.publish(rooms, 'incident.updated', { incident: toIncidentSummary(incident), changed, by: null });
  }

  /** A technician confirmed or declined: the incident to who sees it now, gone for who no longer does, and a decline alerts. */
  announceAnswer(incident: Incident, answered: AnsweredAssignment, by: UserRefDto | null): void {
    this.assignments.emit('answered', { incidentId: incident.id, answer: answered.answer, offered: answered.offered } satisfies AnswerNotice);
    const rooms = roomsOfIncident(placementOf(incident));
    this.publisher.publish(rooms, 'incident.updated', { incident: toIncidentSummary(incident), changed: ['messages', ...answered.changed], by });
    this.publisher.publish(roomsThatLostSight(answered.before, placementOf(incident)), 'incident.removed', { incidentId: incident.id }, rooms);
    if (answered.answer === 'declined') this.publisher.publish(rooms, 'incident.alert', { incidentId: incident.id, reference: incident.reference, kind: 'assignment-declined', by });
  }

  /** Inside the caller's transaction: see IncidentsRepository.applyTechnicianAnswer. */
  answerAssignment(sql: Sql, answer: TechnicianAnswer): Promise<AnsweredAssignment | null> {
    return this.repo.applyTechnicianAnswer(sql, answer);
  }

  /** One incident as its summary shows it (after a change made outside the unit of work). */
  findSummary(id: string): Promise<Incident | null> {
    return this.repo.findSummary(id);
  }
}

/** What the API shows of a reply route (not the channel id, the contact's locale ...). */
const publicRoute = (r: ReplyRoute | null): ReplyRoute | null =>
  r ? { channelKind: r.channelKind, to: r.to, from: r.from, ...(r.windowOpenUntil !== undefined ? { windowOpenUntil: r.windowOpenUntil } : {}), ...(r.templates ? { templates: r.templates } : {}) } : null;

export type InboundOutcome =
  | {
      kind: 'created';
      incident: IncidentSummaryDto;
      message: MessageDto;
      /** possible duplicates suggested (one per incident offered) */
      suggestionIds?: string[];
      /** what the workflow rules did to it */
      routed?: Routed | null;
    }
  | { kind: 'appended'; incidentId: string; reopenedFrom: IncidentStatus | null; message: MessageDto; answered?: AnsweredAssignment | null; siteFilled?: string };

export interface NewInboundIncident {
  subject: string;
  /** Where the work is, when the sender gave it in a field of its own (the web form). */
  siteAddress?: string | null;
  body: string;
  sentAt: Date;
  /** The contact who wrote, or (a user wrote) the incident's contact if known, else null. */
  contact: ContactDto | null;
  /** Who wrote, for the message: contact or user, and as what. */
  author: MessageDto['author'];
  columns: InboundMessageColumns;
  channelKind: ChannelKind;
  /** null: a call logged by hand (no channel). */
  channelId: string | null;
  inboundEventId: string | null;
  raw: RawEventWrite;
  /** 'inbound' unless said (an outbound call logged on the timeline). */
  messageKind?: MessageKind;
  /** Extra fields for the message as the API shows it (e-mail detail, attachments, the call). */
  view?: Partial<Pick<MessageDto, 'email' | 'attachments' | 'call'>>;
}

/** The rows every inbound write has (see IncidentsRepository.InboundEventRows). */
function eventRows(incidentId: string, messageId: string, input: Omit<NewInboundIncident, 'subject'>, at: Date): InboundEventRows {
  return {
    ...input.columns,
    incidentId,
    messageId,
    body: input.body,
    preview: preview(input.body),
    channelKind: input.channelKind,
    channelId: input.channelId,
    inboundEventId: input.inboundEventId,
    raw: input.raw,
    sentAt: input.sentAt,
    at,
    messageKind: input.messageKind,
  };
}

function inboundMessageDto(id: string, incidentId: string, input: Omit<NewInboundIncident, 'subject'>, at: Date): MessageDto {
  return {
    id,
    incidentId,
    kind: input.messageKind ?? 'inbound',
    channelKind: input.channelKind,
    body: input.body,
    author: input.author,
    senderKind: input.columns.senderKind,
    flags: input.columns.flags,
    email: input.view?.email ?? null,
    attachments: input.view?.attachments ?? [],
    delivery: null,
    call: input.view?.call ?? null,
    createdAt: at.toISOString(),
  };
}

export function encodeCursor(i: Incident): string {
  return Buffer.from(`${i.updatedAt.toISOString()}|${i.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const updatedAt = new Date(at ?? '');
  if (!id || !isUuid(id) || Number.isNaN(updatedAt.getTime())) throw new BadRequestException({ message: 'The cursor is not valid: use nextCursor from the previous page.', fields: { cursor: 'invalid' } });
  return { updatedAt, id };
}
