import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '../../../channels/core/index.js';
import { callOutcome, mergeCall, type CallEvent, type CallState } from '../../../channels/phone/index.js';
import type { Channel } from '../channels/channel.entity.js';
import type { CallDto, ContactDto, MessageDto, MessageFlag } from '../contracts/api.js';
import { ContactsService } from '../customers/contacts.service.js';
import type { Sql } from '../database/sql.js';
import { ROOM_EVERYTHING, roomForDepartment } from '../domain/visibility.js';
import { localeOr } from '../email/templates.js';
import type { RawEventWrite } from '../incidents/incidents.repository.js';
import { IncidentsService, type InboundOutcome, type NewInboundIncident } from '../incidents/incidents.service.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { otherParty } from '../contracts/api.js';
import { callBody, callSubject } from './call-text.js';
import { CallsRepository, toCallDto, type CallRow } from './calls.repository.js';

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

/**
 * ingest's phone step: a call event (CTI or Twilio Voice) merged into its call, inside ingest's transaction.
 *
 * Events may come twice (the raw event's unique key makes the second a no-op) and in any order (the merge is
 * order-independent). Once the call has ended it goes on a timeline: the caller's open incident if they have
 * one, else — a missed inbound call — a new incident to call them back; an answered call with no open
 * incident stays in the call log (the agent opens one from it if it is a new request).
 */
@Injectable()
export class CallRecorder {
  private readonly log = new Logger('Calls');

  constructor(
    private readonly calls: CallsRepository,
    private readonly contacts: ContactsService,
    private readonly incidents: IncidentsService,
    private readonly publisher: InboxPublisher,
  ) {}

  /** null: this event was recorded before (a redelivery). */
  async record(sql: Sql, channel: Channel, m: InboundMessage, eventId: string, raw: RawEventWrite): Promise<CallRecorded | null> {
    const e = callEventOf(m);
    if (raw.mode === 'insert') {
      const [stored] = await sql<{ id: string }>(
        `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, received_at)
         values (?, ?, ?, ?, 'received', 0, now()) on conflict (channel_id, idempotency_key) do nothing returning id`,
        [eventId, channel.id, raw.key, JSON.stringify(raw.payload)],
      );
      if (!stored) return null;
    }
    const { row } = await this.calls.lockForEvent(sql, channel.id, e.callId, e.source, mergeCall(null, e));
    const state = mergeCall(row.state, e);
    const agent = row.agentUserId ? { id: row.agentUserId, name: row.agentName ?? '' } : await this.calls.agentOf(sql, state.user, state.answeringNumber);
    const number = otherParty(state);
    let contact = row.contactId ? await this.calls.contactById(sql, row.contactId) : number ? await this.contacts.find(sql, { phone: number }) : null;
    const next: CallRow = { ...row, state, agentUserId: agent?.id ?? null, agentName: agent?.name ?? null, contactId: contact?.id ?? null };

    let incident: InboundOutcome | null = null;
    if (!row.messageId && state.endedAt) {
      const missed = callOutcome(state) === 'missed' && state.direction === 'in';
      const target = row.incidentId ?? (contact ? await this.calls.openIncidentOf(sql, contact.id) : null);
      if (target || (missed && number)) {
        // A missed call from a number we do not know yet: the contact to call back.
        contact ??= await this.contacts.identify(sql, { phone: number! });
        next.contactId = contact.id;
        incident = await this.putOnTimeline(sql, next, contact, { incidentId: target, eventId, channel, flags: missed ? ['call-back'] : [] });
      }
    }
    if (incident) {
      next.incidentId = incident.kind === 'created' ? incident.incident.id : incident.incidentId;
      next.messageId = incident.message.id;
    }
    const call = toCallDto(next);
    if (next.messageId) {
      await this.calls.updateMessage(sql, next.messageId, call, callBody(localeOr((contact as { locale?: string } | null)?.locale), call, next.notes));
      if (incident) incident.message.call = call;
    }
    await this.calls.save(sql, next);
    if (!incident) await this.calls.markEventProcessed(sql, eventId, next.incidentId);
    return { kind: 'call', call, contact: contact ? stripLocale(contact) : null, incident, messageUpdated: !incident && row.messageId ? row.messageId : null };
  }

  /**
   * The call's entry on a timeline: appended to `incidentId`, or a new incident. The raw event `eventId` is
   * marked processed with it (null: a call attached or logged by hand, no event of its own).
   */
  async putOnTimeline(
    sql: Sql,
    row: CallRow,
    contact: (ContactDto & { locale?: string | null }) | null,
    o: { incidentId: string | null; eventId: string | null; channel: Pick<Channel, 'id'> | null; flags: MessageFlag[]; byUser?: { id: string; name: string } },
  ): Promise<InboundOutcome> {
    const call = toCallDto(row);
    const locale = localeOr(contact?.locale);
    const outbound = row.state.direction === 'out';
    // Who the entry is by: the caller (inbound), the agent who called (outbound), or who logged it.
    const user = o.byUser ?? (outbound && row.agentUserId ? { id: row.agentUserId, name: row.agentName ?? '' } : null);
    const author: MessageDto['author'] = user ? { type: 'user', ...user } : contact ? { type: 'contact', id: contact.id, name: contact.name } : { type: 'system', id: null, name: 'Switchboard' };
    const input: Omit<NewInboundIncident, 'subject'> = {
      body: callBody(locale, call, row.notes),
      sentAt: row.state.startedAt ?? new Date(),
      contact: contact ? stripLocale(contact) : null,
      author,
      columns: {
        authorContactId: user ? null : (contact?.id ?? null),
        authorUserId: user?.id ?? null,
        senderKind: user ? 'agent' : contact ? 'customer' : 'unknown',
        externalId: null,
        meta: { call },
        flags: o.flags,
      },
      channelKind: 'phone',
      channelId: o.channel?.id ?? null,
      inboundEventId: o.eventId,
      raw: o.eventId ? { mode: 'complete' } : { mode: 'none' },
      messageKind: outbound ? 'outbound' : 'inbound',
      view: { call },
    };
    const made = o.incidentId
      ? await this.incidents.appendFromInbound(sql, o.incidentId, input)
      : await this.incidents.openFromInbound(sql, { ...input, subject: callSubject(locale, call) });
    if (!made) throw new Error(`the call ${row.id} could not be put on a timeline (its event was processed meanwhile)`);
    return made;
  }

  /** After commit: the pop-up, the timeline. A failure here loses nothing (stored; clients refetch). */
  async announce(r: CallRecorded): Promise<void> {
    try {
      this.publisher.publish(CALL_ROOMS, 'call.updated', { call: r.call, contact: r.contact });
      if (r.incident) await this.incidents.announceInbound(r.incident);
      else if (r.messageUpdated) await this.incidents.announceMessageChanged(r.messageUpdated);
    } catch (err) {
      this.log.warn(`announcing a call failed: ${(err as Error).message}`);
    }
  }
}

const stripLocale = (c: ContactDto & { locale?: string | null }): ContactDto => ({ id: c.id, name: c.name, email: c.email, phone: c.phone, customerId: c.customerId, customerName: c.customerName });

export type { CallState };
