import { Injectable, Logger } from '@nestjs/common';
import type { InboundMessage } from '../../../channels/core/index.js';
import { mergeCall, type CallEvent } from '../../../channels/phone/index.js';
import type { Channel } from '../channels/channel.entity.js';
import { otherParty, type CallDto, type ContactDto, type MessageDto, type MessageFlag } from '../contracts/api.js';
import { ContactsService } from '../customers/contacts.service.js';
import type { Sql } from '../database/sql.js';
import { ROOM_EVERYTHING, roomForDepartment } from '../domain/visibility.js';
import { localeOr } from '../email/templates.js';
import { IncidentsService, type InboundOutcome, type NewInboundIncident } from '../incidents/incidents.service.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { callBody, callSubject, needsCallBack } from './call-text.js';
import { CallsRepository, toCallDto, type CallContact, type CallRow } from './calls.repository.js';

/** What recording one call event did (see CallRecorder.record), for announcing after commit. */
export interface CallRecorded {
  kind: 'call';
  call: CallDto;
  contact: ContactDto | null;
  /** The call reached a timeline: a new incident (a missed call to call back) or a message on an open one. */
  incident: InboundOutcome | null;
  /** The call was on a timeline already and its entry changed (answered late, a recording arrived). */
  messageUpdated: string | null;
}

/** Agents and admins (every socket but technicians'): who may pick up the phone. */
export const CALL_ROOMS = [ROOM_EVERYTHING, roomForDepartment(null)];

/** The CallEvent an InboundMessage of the phone adapter carries (meta.call, dates as ISO strings). */
export function callEventOf(m: InboundMessage): CallEvent {
  const e = m.meta?.call as (Omit<CallEvent, 'at'> & { at: string }) | undefined;
  if (!e) throw new Error(`phone message ${m.idempotencyKey} carries no call event`);
  return { ...e, at: new Date(e.at) };
}

/** An event that names who took the call (its answer) or who made it (an outbound call's start). */
const namesAgent = (e: CallEvent) => (e.event === 'answer' || (e.event === 'newCall' && e.directionKnown && e.direction === 'out')) && Boolean(e.user || e.answeringNumber);

/**
 * ingest's phone step: a call event (CTI or Twilio Voice) merged into its call, inside ingest's transaction.
 *
 * Events may come twice (the raw event's unique key makes the second a no-op) and in any order (the merge is
 * order-independent). Once the call has ended it goes on a timeline: the caller's open incident if they have
 * one, else — an inbound call nobody took — a new incident to call them back; an answered call with no open
 * incident stays in the call log (the agent opens one from it if it is a new request). An event after that
 * (the recording, an answer that came after the hangup) updates the entry, its call-back flag included.
 */
@Injectable()
export class CallRecorder {
  private readonly log = new Logger('Calls');

  constructor(
    private readonly calls: CallsRepository,
    private readonly contacts: ContactsService,
    private readonly incidents: IncidentsService,
    private readonly publisher: InboxPublisher,
    private readonly workflow: WorkflowService,
  ) {}

  /**
   * The event `eventId` (stored by ingest, not processed yet) merged into its call. When the call reaches a
   * timeline here the event is marked processed with its message; otherwise ingest marks it.
   */
  async record(sql: Sql, channel: Channel, m: InboundMessage, eventId: string): Promise<CallRecorded> {
    const e = callEventOf(m);
    const row = await this.calls.lockForEvent(sql, channel.id, e.callId, e.source, mergeCall(null, e));
    const next: CallRow = { ...row, state: mergeCall(row.state, e) };
    // Who took it: the user its answer names (not those a newCall rang); the first answer counts.
    if (namesAgent(e) && (!row.agentLabel || (e.event === 'answer' && !row.state.answeredAt))) {
      const agent = await this.calls.agentOf(sql, e.user, e.answeringNumber);
      Object.assign(next, { agentUserId: agent?.id ?? null, agentName: agent?.name ?? null, agentLabel: e.user ?? e.answeringNumber });
    }
    const number = otherParty(next.state);
    let contact = row.contactId ? await this.calls.contactById(sql, row.contactId) : number ? await this.calls.contactByPhone(sql, number) : null;
    next.contactId = contact?.id ?? null;
    const callBack = needsCallBack(toCallDto(next));

    let incident: InboundOutcome | null = null;
    if (!row.messageId && next.state.endedAt) {
      const target = row.incidentId ?? (contact ? await this.calls.openIncidentOf(sql, contact.id) : null);
      if (target || (callBack && number)) {
        // An inbound call nobody took, from a number we do not know yet: the contact to call back.
        contact ??= { ...(await this.contacts.identify(sql, { phone: number! })), locale: null };
        next.contactId = contact.id;
        incident = await this.putOnTimeline(sql, next, contact, { incidentId: target, eventId, channel, flags: callBack ? ['call-back'] : [] });
      }
    }
    if (!incident) {
      if (next.messageId) await this.calls.updateMessage(sql, next.messageId, toCallDto(next), callBody(localeOr(contact?.locale), toCallDto(next), next.notes), callBack);
      await this.calls.save(sql, next);
    }
    return { kind: 'call', call: toCallDto(next), contact: contact ? stripLocale(contact) : null, incident, messageUpdated: !incident && row.messageId ? row.messageId : null };
  }

  /**
   * The call's entry on a timeline: appended to `incidentId`, or a new incident; the call row is saved with
   * both. The raw event `eventId` is marked processed with it (null: a call attached or logged by hand).
   */
  async putOnTimeline(
    sql: Sql,
    row: CallRow,
    contact: CallContact | null,
    o: { incidentId: string | null; eventId: string | null; channel: Pick<Channel, 'id'> | null; flags: MessageFlag[]; byUser?: { id: string; name: string } },
  ): Promise<InboundOutcome> {
    const locale = localeOr(contact?.locale);
    const outbound = row.state.direction === 'out';
    // Whose entry it is: the caller's (inbound), the agent's who called (outbound), or who logged it. An
    // outbound call by nobody we know is the system's: it never reads as the customer writing (no reopening).
    const user = o.byUser ?? (outbound && row.agentUserId ? { id: row.agentUserId, name: row.agentName ?? '' } : null);
    const byContact = !user && !outbound && contact;
    const author: MessageDto['author'] = user ? { type: 'user', ...user } : byContact ? { type: 'contact', id: contact.id, name: contact.name } : { type: 'system', id: null, name: 'Switchboard' };
    const call = toCallDto(row);
    const input: Omit<NewInboundIncident, 'subject'> = {
      body: callBody(locale, call, row.notes),
      sentAt: row.state.startedAt ?? new Date(),
      contact: contact ? stripLocale(contact) : null,
      author,
      columns: {
        authorContactId: byContact ? contact.id : null,
        authorUserId: user?.id ?? null,
        senderKind: user ? 'agent' : byContact ? 'customer' : 'unknown',
        externalId: null,
        meta: { call },
        flags: o.flags,
      },
      channelKind: 'phone',
      channelId: o.channel?.id ?? null,
      inboundEventId: o.eventId,
      raw: o.eventId ? { mode: 'complete' } : { mode: 'none' },
      messageKind: outbound ? 'outbound' : 'inbound',
    };
    const made = o.incidentId
      ? await this.incidents.appendFromInbound(sql, o.incidentId, input)
      : await this.incidents.openFromInbound(sql, { ...input, subject: callSubject(locale, call) });
    if (!made) throw new Error(`the call ${row.id} could not be put on a timeline (its event was processed meanwhile)`);
    // A call that opens an incident goes through the workflow rules like any other new incident.
    if (made.kind === 'created') await this.workflow.routeCreated(sql, made);
    row.incidentId = made.kind === 'created' ? made.incident.id : made.incidentId;
    row.messageId = made.message.id;
    row.contactId = contact?.id ?? row.contactId;
    // The entry shows the call as it now is (with its incident).
    made.message.call = toCallDto(row);
    await this.calls.updateMessage(sql, row.messageId, made.message.call, made.message.body, o.flags.includes('call-back'));
    await this.calls.save(sql, row);
    return made;
  }

  /** After commit: the pop-up, the timeline. A failure here loses nothing (stored; clients refetch). */
  async announce(r: Pick<CallRecorded, 'call' | 'contact' | 'incident' | 'messageUpdated'>): Promise<void> {
    try {
      this.publisher.publish(CALL_ROOMS, 'call.updated', { call: r.call, contact: r.contact });
      if (r.incident) await this.incidents.announceInbound(r.incident);
      if (r.incident?.kind === 'created') this.workflow.carryOut(r.incident.routed);
      else if (r.messageUpdated) await this.incidents.announceMessageChanged(r.messageUpdated);
    } catch (err) {
      this.log.warn(`announcing a call failed: ${(err as Error).message}`);
    }
  }
}

export const stripLocale = (c: CallContact | ContactDto): ContactDto => ({ id: c.id, name: c.name, email: c.email, phone: c.phone, customerId: c.customerId, customerName: c.customerName });
