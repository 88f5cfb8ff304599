import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { InvalidPayloadError, type ChannelAdapter, type InboundMessage } from '../../../channels/core/index.js';
import { webformAdapter } from '../../../channels/webform/index.js';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ChannelKind, IncidentSummaryDto, MessageDto } from '../contracts/api.js';
import { ContactsService } from '../customers/contacts.service.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { IncidentsService, type NewInboundIncident } from '../incidents/incidents.service.js';
import { InboundEventsRepository, type InboundEventRow } from './inbound-events.repository.js';

export interface IngestResult {
  eventId: string;
  /** true when this payload had been received before (a redelivery): nothing new was stored. */
  duplicate: boolean;
  reference: string | null;
}

type Created = { incident: IncidentSummaryDto; message: MessageDto };
const MAX_ATTEMPTS = 10;

/**
 * adapter -> ingest: store raw (exactly once) -> identify -> persist -> push.
 *
 * The raw event and everything made from it are written by one statement, so a delivery is acknowledged
 * only once it is stored; a crash before that stores nothing (but perhaps the contact) and the sender's
 * retry starts afresh. If processing
 * fails, the raw payload is still stored on its own (status 'failed') before answering, and the sweep job
 * processes it again later: nothing acknowledged is ever lost, and the unique (channel, key) makes a
 * redelivery a no-op that answers the same reference.
 */
@Injectable()
export class IngestService {
  private readonly log = new Logger('Ingest');
  private readonly adapters: Partial<Record<ChannelKind, { adapter: ChannelAdapter<any>; config: (c: Channel) => unknown }>>;

  constructor(
    private readonly em: EntityManager,
    private readonly events: InboundEventsRepository,
    private readonly contacts: ContactsService,
    private readonly incidents: IncidentsService,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adapters = {
      webform: { adapter: webformAdapter, config: (c) => ({ defaultCountry: (c.config.defaultCountry as string) ?? config.defaultCountry }) },
    };
  }

  private async normalize(channel: Channel, payload: unknown): Promise<InboundMessage[]> {
    const entry = this.adapters[channel.kind];
    if (!entry) throw new Error(`no adapter for channel kind ${channel.kind}`);
    return await entry.adapter.normalize(payload, entry.config(channel));
  }

  /**
   * Normalises, stores and processes a payload. Invalid payloads are kept (status 'invalid') and the
   * InvalidPayloadError is rethrown for the caller to answer 400.
   */
  async receive(channel: Channel, envelope: Record<string, unknown>): Promise<IngestResult[]> {
    let messages: InboundMessage[];
    try {
      messages = await this.normalize(channel, envelope);
    } catch (err) {
      if (err instanceof InvalidPayloadError) await this.keepInvalid(channel, envelope, err);
      throw err;
    }
    const results: IngestResult[] = [];
    for (const m of messages) results.push(await this.receiveOne(channel, m, envelope));
    return results;
  }

  private async receiveOne(channel: Channel, m: InboundMessage, envelope: Record<string, unknown>): Promise<IngestResult> {
    const id = randomUUID();
    let created: Created | null | undefined;
    let result: IngestResult;
    try {
      // Fresh delivery: no explicit transaction. Identifying the contact is idempotent, and the raw event,
      // incident, message and audit entry are ONE statement, atomic by itself (two round trips fewer).
      created = await this.createIncident(sqlOf(this.em), channel, m, id, { mode: 'insert', key: m.idempotencyKey, payload: envelope });
      if (created) result = { eventId: id, duplicate: false, reference: created.incident.reference };
      else {
        // A redelivery: wait for the first delivery's transaction, then answer what it made.
        result = await inTransaction(this.em, async (sql) => {
          const existing = await this.events.lockByKey(sql, channel.id, m.idempotencyKey);
          if (!existing) throw new Error(`inbound event ${channel.id}/${m.idempotencyKey} vanished`);
          const made = await this.completeLocked(sql, channel, existing);
          created = made.created;
          return { eventId: existing.id, duplicate: true, reference: made.reference };
        });
      }
    } catch (err) {
      // Keep the payload (nothing acknowledged is lost); the sweep job will process it again.
      this.log.error(`processing ${channel.kind} ${m.idempotencyKey} failed, kept for retry: ${(err as Error).message}`);
      const sql = sqlOf(this.em);
      const stored = await this.events.insert(sql, { id, channelId: channel.id, key: m.idempotencyKey, payload: envelope, status: 'failed', error: (err as Error).message });
      const existing = stored ? null : await sql<{ id: string }>(`select id from inbound_events where channel_id = ? and idempotency_key = ?`, [channel.id, m.idempotencyKey]);
      return { eventId: stored ?? existing![0].id, duplicate: !stored, reference: null };
    }
    if (created) this.incidents.announceCreated(created.incident, created.message);
    return result;
  }

  /** Identify -> persist, with the raw event written in the same statement (null: it existed already). */
  private async createIncident(sql: Sql, channel: Channel, m: InboundMessage, eventId: string, raw: NewInboundIncident['raw']): Promise<Created | null> {
    const contact = await this.contacts.identify(sql, m.from, m.locale);
    return this.incidents.openFromInbound(sql, {
      subject: m.subject ?? '',
      body: m.text,
      sentAt: m.sentAt,
      contact,
      channelKind: channel.kind,
      channelId: channel.id,
      inboundEventId: eventId,
      raw,
    });
  }

  /** For a locked event: its reference when processed already, else process it now from the stored payload. */
  private async completeLocked(sql: Sql, channel: Channel, event: InboundEventRow): Promise<{ reference: string | null; created?: Created }> {
    if (event.status === 'processed') return { reference: event.incidentId ? await this.events.referenceOfIncident(sql, event.incidentId) : null };
    if (event.status === 'invalid' || event.status === 'ignored') return { reference: null };
    const m = (await this.normalize(channel, event.payload)).find((x) => x.idempotencyKey === event.idempotencyKey);
    if (!m) throw new Error(`event ${event.id} no longer normalises to its key ${event.idempotencyKey}`);
    const created = await this.createIncident(sql, channel, m, event.id, { mode: 'complete' });
    if (!created) throw new Error(`event ${event.id} was processed meanwhile although locked`);
    return { reference: created.incident.reference, created };
  }

  private async keepInvalid(channel: Channel, payload: Record<string, unknown>, err: InvalidPayloadError): Promise<void> {
    const id = randomUUID(); // every invalid post is kept, each under its own key
    await this.events.insert(sqlOf(this.em), { id, channelId: channel.id, key: `invalid:${id}`, payload, status: 'invalid', error: err.message });
  }

  /** Processes a stored event once, whatever state a crash left it in. Returns the incident reference. */
  async process(eventId: string): Promise<string | null> {
    let created: Created | undefined;
    const channelId = await this.events.channelOf(sqlOf(this.em), eventId);
    if (!channelId) throw new Error(`inbound event ${eventId} does not exist`);
    const channel = await this.channels.byId(channelId); // before the transaction: see inTransaction
    const reference = await inTransaction(this.em, async (sql) => {
      const event = await this.events.lockById(sql, eventId);
      if (!event) throw new Error(`inbound event ${eventId} does not exist`);
      const made = await this.completeLocked(sql, channel, event);
      created = made.created;
      return made.reference;
    });
    if (created) this.incidents.announceCreated(created.incident, created.message);
    return reference;
  }

  /** Kept payloads an admin should look at (see replay). */
  needingAttention(limit = 100) {
    return this.events.needingAttention(sqlOf(this.em), MAX_ATTEMPTS, limit);
  }

  /**
   * Replays a kept payload after a fix: it is normalised again (an InvalidPayloadError says what is still
   * wrong), re-keyed, and processed. Returns the incident reference.
   */
  async replay(eventId: string): Promise<string | null> {
    const sql = sqlOf(this.em);
    const event = await this.events.find(sql, eventId);
    if (!event) throw new NotFoundException(`No inbound event ${eventId}.`);
    if (event.status !== 'invalid' && event.status !== 'failed') {
      throw new ConflictException(`Inbound event ${eventId} is ${event.status}: only invalid or failed payloads are replayed.`);
    }
    const [m] = await this.normalize(await this.channels.byId(event.channelId), event.payload);
    if (!m) throw new ConflictException('The payload holds no message.');
    if (!(await this.events.requeue(sql, eventId, m.idempotencyKey))) {
      throw new ConflictException('The same message was received again meanwhile and is already stored; nothing to replay.');
    }
    return this.process(eventId);
  }

  /** Re-processes events a crash or an outage left behind. */
  async sweep(olderThanMs = 15_000): Promise<number> {
    const ids = await this.events.leftBehind(sqlOf(this.em), olderThanMs, MAX_ATTEMPTS);
    let done = 0;
    for (const id of ids) {
      try {
        await this.process(id);
        done++;
      } catch (err) {
        await this.events.markFailed(sqlOf(this.em), id, (err as Error).message);
        this.log.warn(`event ${id} failed again: ${(err as Error).message}`);
      }
    }
    if (done) this.log.log(`sweep processed ${done} left-behind event(s)`);
    return done;
  }
}
