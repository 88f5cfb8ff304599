import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { phoneNumber, type CallState } from '../../../channels/phone/index.js';
import type { Viewer } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { otherParty, type CallDto, type CallLogEntryDto, type CallOutcome, type ManualCallRequest } from '../contracts/api.js';
import { ContactsService } from '../customers/contacts.service.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { IncidentsService, scopeOf, type InboundOutcome } from '../incidents/incidents.service.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { CallRecorder, stripLocale } from './call-recorder.service.js';
import { CallsRepository, toCallDto, type CallRow } from './calls.repository.js';

const CAUSE_OF: Record<ManualCallRequest['outcome'], string> = { answered: 'normalClearing', missed: 'noAnswer', busy: 'busy', failed: 'failed' };

/** The call log as agents use it: list, log a call by hand, put a call on an incident. */
@Injectable()
export class CallsService {
  constructor(
    private readonly em: EntityManager,
    private readonly calls: CallsRepository,
    private readonly recorder: CallRecorder,
    private readonly contacts: ContactsService,
    private readonly incidents: IncidentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(f: { contactId?: string; outcome?: CallOutcome; before?: Date; limit: number }, viewer: Viewer): Promise<CallLogEntryDto[]> {
    return this.calls.list(sqlOf(this.em), f, scopeOf(viewer));
  }

  /** An agent logs a call (on an incident: it joins its timeline; on a contact: the call log only). */
  async logByHand(req: ManualCallRequest, viewer: Viewer): Promise<CallDto> {
    const incident = req.incidentId ? await this.incidents.visible(req.incidentId, viewer) : null;
    const contactId = incident?.contact?.id ?? req.contactId ?? null;
    const contact = contactId ? await this.calls.contactById(sqlOf(this.em), contactId) : null;
    if (req.contactId && !contact) throw new NotFoundException(`No contact ${req.contactId}.`);
    const number = req.number ? phoneNumber(req.number, this.config.defaultCountry) : (contact?.phone ?? null);
    if (req.number && !number) throw new BadRequestException({ message: `${req.number} is not a phone number.`, fields: { number: 'not a valid phone number' } });
    const duration = req.outcome === 'answered' ? (req.durationSeconds ?? 0) : 0;
    const startedAt = req.startedAt ? new Date(req.startedAt) : new Date(Date.now() - duration * 1000);
    const id = randomUUID();
    const state: CallState = {
      callId: id,
      direction: req.direction,
      from: req.direction === 'in' ? number : null,
      fromRaw: null,
      to: req.direction === 'out' ? number : null,
      toRaw: null,
      user: viewer.user.name,
      queue: null,
      startedAt,
      answeredAt: req.outcome === 'answered' ? startedAt : null,
      endedAt: new Date(startedAt.getTime() + duration * 1000),
      cause: CAUSE_OF[req.outcome],
      answeringNumber: null,
      recordingUrl: null,
      durationSeconds: duration,
    };
    const notes = req.notes?.trim() || null;
    const by = { id: viewer.user.id, name: viewer.user.name };
    let made: InboundOutcome | null = null;
    const call = await inTransaction(this.em, async (sql) => {
      const row: CallRow = { id, channelId: null, source: 'manual', state, agentUserId: by.id, agentName: by.name, agentLabel: by.name, contactId: contact?.id ?? null, incidentId: null, messageId: null, notes };
      await this.calls.insertManual(sql, { id, state, agentUserId: by.id, agentLabel: by.name, contactId: row.contactId, notes });
      if (incident) made = await this.recorder.putOnTimeline(sql, row, contact, { incidentId: incident.id, eventId: null, channel: null, flags: [], byUser: by });
      await this.audit(sql, id, by.id, 'call.logged', { direction: req.direction, number, outcome: req.outcome, durationSeconds: duration, incidentId: incident?.id ?? null, contactId: row.contactId });
      return toCallDto(row);
    });
    await this.recorder.announce({ call, contact: contact ? stripLocale(contact) : null, incident: made, messageUpdated: null });
    return call;
  }

  /** Puts a call that is on no timeline yet on an incident the agent may see, or on a new one opened from it. */
  async attach(callId: string, incidentId: string | undefined, viewer: Viewer): Promise<CallDto> {
    if (!isUuid(callId)) throw new NotFoundException(`No call ${callId}.`);
    if (incidentId) await this.incidents.visible(incidentId, viewer);
    let made: InboundOutcome | null = null;
    const call = await inTransaction(this.em, async (sql) => {
      const row = await this.calls.lockById(sql, callId);
      if (!row) throw new NotFoundException(`No call ${callId}.`);
      if (row.messageId) throw new ConflictException('This call is already on an incident.');
      if (!row.state.endedAt) throw new ConflictException('The call has not ended yet: it goes on the timeline when it does.');
      const number = otherParty(row.state);
      let contact = row.contactId ? await this.calls.contactById(sql, row.contactId) : null;
      if (!contact && number) contact = { ...(await this.contacts.identify(sql, { phone: number })), locale: null };
      made = await this.recorder.putOnTimeline(sql, row, contact, { incidentId: incidentId ?? null, eventId: null, channel: row.channelId ? { id: row.channelId } : null, flags: [] });
      await this.audit(sql, row.id, viewer.user.id, 'call.attached', { incidentId: row.incidentId, newIncident: !incidentId });
      return { dto: toCallDto(row), contact };
    });
    // Everyone's pop-up learns the call has its incident now (nobody offers to open another).
    await this.recorder.announce({ call: call.dto, contact: call.contact ? stripLocale(call.contact) : null, incident: made, messageUpdated: null });
    return call.dto;
  }

  private async audit(sql: Sql, callId: string, actorId: string, action: string, changes: Record<string, unknown>): Promise<void> {
    const shaped = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { from: null, to: v }]));
    await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'call', ?, ?, ?, ?, now())`, [callId, actorId, action, JSON.stringify(shaped)]);
  }
}
