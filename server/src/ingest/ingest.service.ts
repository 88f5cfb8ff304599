import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { InvalidPayloadError, type ChannelAdapter, type InboundMessage } from '../../../channels/core/index.js';
import { webformAdapter } from '../../../channels/webform/index.js';
import { Channel } from '../channels/channel.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ChannelKind } from '../contracts/api.js';
import { ContactsService } from '../customers/contacts.service.js';
import type { Incident } from '../incidents/incident.entity.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import type { Message } from '../incidents/message.entity.js';
import { InboundEvent } from './inbound-event.entity.js';

export interface IngestResult {
  eventId: string;
  /** true when this payload had been received before (a redelivery): nothing new was stored. */
  duplicate: boolean;
  reference: string | null;
}

const MAX_ATTEMPTS = 10;

/**
 * adapter -> ingest: store raw (exactly once) -> identify -> persist -> push.
 * Storing and processing are separate commits, so a payload is never lost: an event left 'received' or
 * 'failed' (crash, outage) is processed again by the sweep job, and processing is idempotent.
 */
@Injectable()
export class IngestService {
  private readonly log = new Logger('Ingest');
  private readonly adapters: Partial<Record<ChannelKind, { adapter: ChannelAdapter<any>; config: (c: Channel) => unknown }>>;

  constructor(
    private readonly em: EntityManager,
    private readonly contacts: ContactsService,
    private readonly incidents: IncidentsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adapters = {
      webform: { adapter: webformAdapter, config: (c) => ({ defaultCountry: (c.config.defaultCountry as string) ?? config.defaultCountry }) },
    };
  }

  private adapterFor(channel: Channel) {
    const entry = this.adapters[channel.kind];
    if (!entry) throw new Error(`no adapter for channel kind ${channel.kind}`);
    return { adapter: entry.adapter, config: entry.config(channel) };
  }

  /**
   * Normalises and stores a payload, then processes it. Invalid payloads are kept (status 'invalid')
   * and the InvalidPayloadError is rethrown for the caller to answer 400.
   */
  async receive(channel: Channel, envelope: Record<string, unknown>): Promise<IngestResult[]> {
    const { adapter, config } = this.adapterFor(channel);
    let messages: InboundMessage[];
    try {
      messages = adapter.normalize(envelope, config);
    } catch (err) {
      if (err instanceof InvalidPayloadError) await this.keepInvalid(channel, envelope, err);
      throw err;
    }
    const results: IngestResult[] = [];
    for (const m of messages) {
      const { id, duplicate } = await this.storeRaw(channel, m.idempotencyKey, envelope);
      const reference = await this.process(id).catch((err) => {
        this.log.error(`processing ${id} failed, the sweep will retry: ${(err as Error).message}`);
        return null;
      });
      results.push({ eventId: id, duplicate, reference });
    }
    return results;
  }

  private async storeRaw(channel: Channel, key: string, payload: Record<string, unknown>): Promise<{ id: string; duplicate: boolean }> {
    const conn = this.em.getConnection();
    const id = crypto.randomUUID();
    const inserted = await conn.execute<{ id: string }[]>(
      `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, received_at)
       values (?, ?, ?, ?, 'received', 0, now()) on conflict (channel_id, idempotency_key) do nothing returning id`,
      [id, channel.id, key, JSON.stringify(payload)],
    );
    if (inserted.length > 0) return { id, duplicate: false };
    const [existing] = await conn.execute<{ id: string }[]>(`select id from inbound_events where channel_id = ? and idempotency_key = ?`, [channel.id, key]);
    return { id: existing.id, duplicate: true };
  }

  private async keepInvalid(channel: Channel, payload: Record<string, unknown>, err: InvalidPayloadError): Promise<void> {
    const key = `invalid:${createHash('sha256').update(JSON.stringify(payload)).digest('hex')}`;
    await this.em.getConnection().execute(
      `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, error, received_at)
       values (?, ?, ?, ?, 'invalid', 0, ?, now()) on conflict (channel_id, idempotency_key) do nothing`,
      [crypto.randomUUID(), channel.id, key, JSON.stringify(payload), err.message],
    );
  }

  /**
   * Turns a stored event into an incident and message, once. Returns the incident reference.
   * Safe to call any number of times, concurrently or after a crash.
   */
  async process(eventId: string): Promise<string | null> {
    let created: { incident: Incident; message: Message } | undefined;
    const reference = await this.em.fork().transactional(async (em) => {
      const event = await em.findOne(InboundEvent, { id: eventId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!event) throw new Error(`inbound event ${eventId} does not exist`);
      if (event.status === 'processed') return event.incidentId ? await this.referenceOf(em, event.incidentId) : null;
      if (event.status === 'invalid' || event.status === 'ignored') return null;
      const channel = await em.findOneOrFail(Channel, { id: event.channel.id });
      const { adapter, config } = this.adapterFor(channel);
      const m = adapter.normalize(event.payload, config).find((x) => x.idempotencyKey === event.idempotencyKey);
      if (!m) throw new Error(`event ${eventId} no longer normalises to its key ${event.idempotencyKey}`);

      const contact = await this.contacts.identify(em, m.from, m.locale);
      created = await this.incidents.openFromInbound(em, {
        subject: m.subject ?? '',
        body: m.text,
        sentAt: m.sentAt,
        contact,
        channelKind: channel.kind,
        channelId: channel.id,
        inboundEventId: event.id,
      });
      event.status = 'processed';
      event.attempts += 1;
      event.error = null;
      event.incidentId = created.incident.id;
      event.messageId = created.message.id;
      event.processedAt = new Date();
      return created.incident.reference;
    });
    if (created) this.incidents.announceCreated(created.incident, created.message);
    return reference;
  }

  private async referenceOf(em: EntityManager, incidentId: string): Promise<string | null> {
    const [row] = await em.getConnection().execute<{ reference: string }[]>(`select reference from incidents where id = ?`, [incidentId], 'all', em.getTransactionContext());
    return row?.reference ?? null;
  }

  /** Re-processes events a crash or an outage left behind. */
  async sweep(olderThanMs = 15_000): Promise<number> {
    const rows = await this.em.getConnection().execute<{ id: string }[]>(
      `select id from inbound_events where status in ('received', 'failed') and attempts < ? and received_at < now() - (? * interval '1 millisecond')
       order by received_at limit 200`,
      [MAX_ATTEMPTS, olderThanMs],
    );
    let done = 0;
    for (const { id } of rows) {
      try {
        await this.process(id);
        done++;
      } catch (err) {
        await this.em.getConnection().execute(`update inbound_events set status = 'failed', attempts = attempts + 1, error = ? where id = ? and status <> 'processed'`, [
          (err as Error).message.slice(0, 2000),
          id,
        ]);
        this.log.warn(`event ${id} failed again: ${(err as Error).message}`);
      }
    }
    if (done) this.log.log(`sweep processed ${done} left-behind event(s)`);
    return done;
  }
}
