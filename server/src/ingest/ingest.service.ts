import { ConflictException, Inject, Injectable, Logger, NotFoundException, type BeforeApplicationShutdown } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { InvalidPayloadError, type ChannelAdapter, type InboundMessage } from '../../../channels/core/index.js';
import { emailAdapter, isMailLoop } from '../../../channels/email/index.js';
import { phoneAdapter } from '../../../channels/phone/index.js';
import { twilioSmsAdapter } from '../../../channels/twilio-sms/index.js';
import { twilioWhatsAppAdapter } from '../../../channels/twilio-whatsapp/index.js';
import { webformAdapter } from '../../../channels/webform/index.js';
import { adapterConfig as twilioConfig, type StoredTwilioConfig } from '../channels/twilio-settings.js';
import type { Channel } from '../channels/channel.entity.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { CallRecorder, type CallRecorded } from '../calls/call-recorder.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ChannelKind } from '../contracts/api.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { emailAdapterConfig, type EmailChannelConfig } from '../email/email-settings.js';
import { toEmailDto } from '../incidents/incident.mapper.js';
import type { RawEventWrite } from '../incidents/incidents.repository.js';
import { IncidentsService, type InboundOutcome } from '../incidents/incidents.service.js';
import { DuplicatesService } from '../duplicates/duplicates.service.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { InboundRouter } from './inbound-router.js';
import { Lanes } from './lanes.js';
import { InboundEventsRepository, type InboundEventRow } from './inbound-events.repository.js';

export interface IngestResult {
  eventId: string;
  /** true when this payload had been received before (a redelivery): nothing new was stored. */
  duplicate: boolean;
  reference: string | null;
}

const MAX_ATTEMPTS = 10;
/** Accepted messages processed at once in one process (each holds a database connection while it runs). */
const PROCESS_CONCURRENCY = 4;

/** What storing one inbound message made: an incident's message, or (phone) a call's new state. */
type Stored = InboundOutcome | CallRecorded;

/**
 * A channel that kept only part of a payload (an e-mail over the size limit: its header) and can fetch the whole
 * again from where it came, for an admin's replay. null: nothing to fetch (whole already, or still too large).
 */
export interface PayloadRefetcher {
  whole(channel: Channel, payload: Record<string, unknown>): Promise<Record<string, unknown> | null>;
}

/**
 * adapter -> ingest: store raw (exactly once) -> identify -> route (thread) -> persist -> push.
 *
 * The raw event and everything made from it are written in one transaction, so a delivery is acknowledged
 * only once it is stored; a crash before that stores nothing and the sender's retry starts afresh. A request
 * that threads onto nothing is compared with the open incidents of its contact and customer (duplicates/):
 * it joins one, is suggested as a possible duplicate of one, or opens a new incident. If processing fails, the raw payload is still stored on its own (status
 * 'failed') before answering, and the sweep job processes it again later: nothing acknowledged is ever
 * lost, and the unique (channel, key) makes a redelivery a no-op that answers the same reference.
 */
@Injectable()
export class IngestService implements BeforeApplicationShutdown {
  private readonly log = new Logger('Ingest');
  /** 'inbound' (InboundOutcome, InboundMessage, Channel) after an inbound message is stored and announced: channels react here. */
  readonly committed = new EventEmitter();
  private readonly lanes = new Lanes(PROCESS_CONCURRENCY);
  private readonly adapters: Partial<Record<ChannelKind, { adapter: ChannelAdapter<any>; config: (c: Channel) => unknown }>>;
  private readonly refetchers = new Map<ChannelKind, PayloadRefetcher>();

  constructor(
    private readonly em: EntityManager,
    private readonly events: InboundEventsRepository,
    private readonly router: InboundRouter,
    private readonly incidents: IncidentsService,
    private readonly duplicates: DuplicatesService,
    private readonly workflow: WorkflowService,
    private readonly channels: ChannelsService,
    private readonly attachments: AttachmentsService,
    private readonly calls: CallRecorder,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adapters = {
      webform: { adapter: webformAdapter, config: (c) => ({ defaultCountry: (c.config.defaultCountry as string) ?? config.defaultCountry }) },
      email: { adapter: emailAdapter, config: (c) => emailAdapterConfig(c.config as unknown as EmailChannelConfig, config.emailMaxBytes) },
      sms: { adapter: twilioSmsAdapter, config: (c) => twilioConfig(c.config as unknown as StoredTwilioConfig) },
      whatsapp: { adapter: twilioWhatsAppAdapter, config: (c) => twilioConfig(c.config as unknown as StoredTwilioConfig) },
      phone: { adapter: phoneAdapter, config: (c) => ({ defaultCountry: (c.config.defaultCountry as string) ?? config.defaultCountry }) },
    };
  }

  private async normalize(channel: Channel, payload: unknown): Promise<InboundMessage[]> {
    const entry = this.adapters[channel.kind];
    if (!entry) throw new Error(`no adapter for channel kind ${channel.kind}`);
    return await entry.adapter.normalize(payload, entry.config(channel));
  }

  /**
   * Normalises, stores and processes a payload. Invalid payloads are kept (status 'invalid': quarantine)
   * and the InvalidPayloadError is rethrown for the caller to answer 400. `invalidKey` keys a kept invalid
   * payload (a mailbox re-read after a UIDVALIDITY change must not quarantine the same message twice);
   * without it every invalid post is kept on its own.
   */
  async receive(channel: Channel, envelope: Record<string, unknown>, opts: { invalidKey?: string } = {}): Promise<IngestResult[]> {
    const messages = await this.normalizeOrKeep(channel, envelope, opts.invalidKey);
    const results: IngestResult[] = [];
    for (const m of messages) results.push(await this.receiveOne(channel, m, envelope));
    return results;
  }

  /**
   * For senders with a tight answer budget (Twilio waits 15 s, then retries): the raw payload is stored (one
   * statement per message) and the caller answers; processing follows at once in this process, in order per
   * sender, PROCESS_CONCURRENCY at a time. If the process dies first, the stored 'received' events are
   * processed by the sweep. A redelivery stores nothing. Invalid payloads: as receive.
   */
  async accept(channel: Channel, envelope: Record<string, unknown>): Promise<{ stored: number; duplicates: number }> {
    const messages = await this.normalizeOrKeep(channel, envelope);
    let stored = 0;
    for (const m of messages) {
      const id = await this.events.insert(sqlOf(this.em), { id: randomUUID(), channelId: channel.id, key: m.idempotencyKey, payload: envelope, status: 'received' });
      if (!id) continue;
      stored++;
      void this.lanes.run(`${channel.id}:${m.from.phone ?? m.from.email ?? m.from.name ?? m.idempotencyKey}`, () => this.processOrMarkFailed(id));
    }
    return { stored, duplicates: messages.length - stored };
  }

  /** Processing accepted in this process is finished (or left to the sweep after a while) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!(await this.lanes.idle(10_000))) this.log.warn(`shutting down with accepted messages of ${this.lanes.busy} sender(s) unprocessed: the sweep will process them`);
  }

  private async normalizeOrKeep(channel: Channel, envelope: Record<string, unknown>, invalidKey?: string): Promise<InboundMessage[]> {
    try {
      return await this.normalize(channel, envelope);
    } catch (err) {
      if (err instanceof InvalidPayloadError) await this.keepInvalid(channel, envelope, err, invalidKey);
      throw err;
    }
  }

  private async receiveOne(channel: Channel, m: InboundMessage, envelope: Record<string, unknown>): Promise<IngestResult> {
    const id = randomUUID();
    if (isMailLoop(m)) {
      // Our own mail coming back (or a loop between robots): kept for the record, never an incident.
      const stored = await this.events.insert(sqlOf(this.em), { id, channelId: channel.id, key: m.idempotencyKey, payload: envelope, status: 'ignored', error: 'mail loop' });
      return { eventId: stored ?? id, duplicate: !stored, reference: null };
    }
    let outcome: Stored | null | undefined;
    let result: IngestResult;
    // The key it is stored under: its own, or the earlier one of the same message (sameAs). The adapter's message is left as it came.
    let key = m.idempotencyKey;
    try {
      outcome = await inTransaction(this.em, async (sql) => {
        // Stored already under an earlier key (a form posted twice across its window's boundary): that message.
        key = (m.sameAs ? await this.events.earlierKey(sql, channel.id, m.sameAs) : null) ?? m.idempotencyKey;
        return this.persist(sql, channel, key === m.idempotencyKey ? m : { ...m, idempotencyKey: key }, id, { mode: 'insert', key, payload: envelope });
      });
      if (outcome) result = { eventId: id, duplicate: false, reference: await this.referenceOf(outcome) };
      else {
        // A redelivery: wait for the first delivery's transaction, then answer what it made.
        result = await inTransaction(this.em, async (sql) => {
          const existing = await this.events.lockByKey(sql, channel.id, key);
          if (!existing) throw new Error(`inbound event ${channel.id}/${key} vanished`);
          const made = await this.completeLocked(sql, channel, existing);
          outcome = made.outcome; // announced below with m: the same message
          return { eventId: existing.id, duplicate: true, reference: made.reference };
        });
      }
    } catch (err) {
      // Keep the payload (nothing acknowledged is lost); the sweep job will process it again.
      this.log.error(`processing ${channel.kind} ${key} failed, kept for retry: ${(err as Error).message}`);
      const sql = sqlOf(this.em);
      const stored = await this.events.insert(sql, { id, channelId: channel.id, key, payload: envelope, status: 'failed', error: (err as Error).message });
      const existing = stored ? null : await sql<{ id: string }>(`select id from inbound_events where channel_id = ? and idempotency_key = ?`, [channel.id, key]);
      return { eventId: stored ?? existing![0].id, duplicate: !stored, reference: null };
    }
    if (outcome) await this.announce(channel, outcome, m);
    return result;
  }

  /** Identify -> route -> persist, with the raw event written alongside (null: it existed already). */
  private async persist(sql: Sql, channel: Channel, m: InboundMessage, eventId: string, raw: RawEventWrite): Promise<Stored | null> {
    // A call event is merged into its call, which reaches a timeline once it has ended (calls/).
    if (channel.kind === 'phone') {
      if (raw.mode === 'insert' && !(await this.events.insert(sql, { id: eventId, channelId: channel.id, key: raw.key, payload: raw.payload, status: 'received' }))) return null;
      const recorded = await this.calls.record(sql, channel, m, eventId);
      if (!recorded.incident) await this.events.markProcessed(sql, eventId, recorded.call.incidentId);
      return recorded;
    }
    const route = await this.router.route(sql, channel, m);
    const input = {
      body: m.text,
      sentAt: m.sentAt,
      contact: route.contact,
      author: route.author,
      columns: route.columns,
      channelKind: channel.kind,
      channelId: channel.id,
      inboundEventId: eventId,
      raw,
      view: m.kind === 'email' ? { email: toEmailDto(route.columns.meta ?? {}), attachments: [] } : undefined,
    };
    let outcome: InboundOutcome | null;
    if (route.thread) {
      outcome = await this.incidents.appendFromInbound(sql, route.thread.incident.id, input);
      if (outcome?.kind === 'appended' && route.answer) {
        outcome.answered = await this.incidents.answerAssignment(sql, { incidentId: route.thread.incident.id, ...route.answer, via: 'email-reply', at: new Date() });
      }
    } else if (route.contact) {
      // Threaded onto nothing: is it about a problem already open for this contact or customer?
      const check = await this.duplicates.check(sql, { contact: route.contact, newContact: route.newContact, at: m.sentAt, text: `${m.subject ?? ''}\n${m.text}`, siteAddress: m.siteAddress ?? null });
      if (check.action === 'join' && check.target) {
        const senderKind = check.target.contactId === route.contact.id ? 'customer' : 'contact';
        outcome = await this.incidents.appendFromInbound(sql, check.target.id, { ...input, columns: { ...input.columns, senderKind }, siteAddress: m.siteAddress ?? null });
        if (outcome) await this.duplicates.recordJoin(sql, { targetId: check.target.id, messageId: outcome.message.id, check, channelKind: channel.kind, sender: route.contact.name, siteFilled: outcome.kind === 'appended' ? (outcome.siteFilled ?? null) : null, reopenedFrom: outcome.kind === 'appended' ? outcome.reopenedFrom : null });
      } else {
        outcome = await this.incidents.openFromInbound(sql, { ...input, subject: m.subject ?? '', siteAddress: m.siteAddress ?? null });
        if (outcome?.kind === 'created' && check.action === 'suggest') outcome.suggestionIds = await this.duplicates.recordSuggestions(sql, outcome.incident.id, check);
      }
    } else outcome = await this.incidents.openFromInbound(sql, { ...input, subject: m.subject ?? '', siteAddress: m.siteAddress ?? null });
    // A new incident goes through the workflow rules before anyone sees it (department, priority ...).
    if (outcome?.kind === 'created') await this.workflow.routeCreated(sql, outcome);
    // Files are written in the same transaction (a web form has none: its single statement stays alone).
    if (outcome && m.attachments?.length) outcome.message.attachments = await this.attachments.store(sql, outcome.message.id, m.attachments);
    return outcome;
  }

  private async referenceOf(outcome: Stored, sql: Sql = sqlOf(this.em)): Promise<string | null> {
    if (outcome.kind === 'call') return outcome.incident ? this.referenceOf(outcome.incident, sql) : null;
    if (outcome.kind === 'created') return outcome.incident.reference;
    return this.events.referenceOfIncident(sql, outcome.incidentId);
  }

  /** After commit: tell the inboxes (a failure here loses nothing: the data is stored, clients refetch). */
  private async announce(channel: Channel, outcome: Stored, m: InboundMessage): Promise<void> {
    if (outcome.kind === 'call') return this.calls.announce(outcome);
    try {
      await this.incidents.announceInbound(outcome);
      if (outcome.kind === 'created' && outcome.suggestionIds) await this.duplicates.announceSuggestions(outcome.suggestionIds);
      if (outcome.kind === 'created') this.workflow.carryOut(outcome.routed);
    } catch (err) {
      this.log.warn(`announcing an inbound message failed: ${(err as Error).message}`);
    }
    this.committed.emit('inbound', outcome, m, channel);
  }

  /** For a locked event: its reference when processed already, else process it now from the stored payload. */
  private async completeLocked(sql: Sql, channel: Channel, event: InboundEventRow): Promise<{ reference: string | null; outcome?: Stored; message?: InboundMessage }> {
    if (event.status === 'processed') return { reference: event.incidentId ? await this.events.referenceOfIncident(sql, event.incidentId) : null };
    if (event.status === 'invalid' || event.status === 'ignored') return { reference: null };
    const m = (await this.normalize(channel, event.payload)).find((x) => x.idempotencyKey === event.idempotencyKey);
    if (!m) throw new Error(`event ${event.id} no longer normalises to its key ${event.idempotencyKey}`);
    const outcome = await this.persist(sql, channel, m, event.id, { mode: 'complete' });
    if (!outcome) throw new Error(`event ${event.id} was processed meanwhile although locked`);
    return { reference: await this.referenceOf(outcome, sql), outcome, message: m };
  }

  private async keepInvalid(channel: Channel, payload: Record<string, unknown>, err: InvalidPayloadError, key?: string): Promise<void> {
    const id = randomUUID();
    await this.events.insert(sqlOf(this.em), { id, channelId: channel.id, key: key ?? `invalid:${id}`, payload, status: 'invalid', error: err.message });
  }

  /** Processes a stored event once, whatever state a crash left it in. Returns the incident reference. */
  async process(eventId: string): Promise<string | null> {
    let outcome: Stored | undefined;
    let message: InboundMessage | undefined;
    const channelId = await this.events.channelOf(sqlOf(this.em), eventId);
    if (!channelId) throw new Error(`inbound event ${eventId} does not exist`);
    const channel = await this.channels.byId(channelId); // before the transaction: see inTransaction
    const reference = await inTransaction(this.em, async (sql) => {
      const event = await this.events.lockById(sql, eventId);
      if (!event) throw new Error(`inbound event ${eventId} does not exist`);
      const made = await this.completeLocked(sql, channel, event);
      outcome = made.outcome;
      message = made.message;
      return made.reference;
    });
    if (outcome && message) await this.announce(channel, outcome, message);
    return reference;
  }

  /** Kept payloads an admin should look at (see replay). */
  needingAttention(limit = 100) {
    return this.events.needingAttention(sqlOf(this.em), MAX_ATTEMPTS, limit);
  }

  registerRefetcher(kind: ChannelKind, refetcher: PayloadRefetcher): void {
    this.refetchers.set(kind, refetcher);
  }

  /**
   * Replays a kept payload after a fix: fetched whole again when only part of it was kept (PayloadRefetcher),
   * normalised again (an InvalidPayloadError says what is still wrong), re-keyed, and processed. Returns the
   * incident reference.
   */
  async replay(eventId: string): Promise<string | null> {
    const sql = sqlOf(this.em);
    const event = await this.events.find(sql, eventId);
    if (!event) throw new NotFoundException(`No inbound event ${eventId}.`);
    if (event.status !== 'invalid' && event.status !== 'failed') {
      throw new ConflictException(`Inbound event ${eventId} is ${event.status}: only invalid or failed payloads are replayed.`);
    }
    const channel = await this.channels.byId(event.channelId);
    const whole = (await this.refetchers.get(channel.kind)?.whole(channel, event.payload)) ?? null;
    const payload = whole ?? event.payload;
    const messages = await this.normalize(channel, payload);
    // A failed event is one message of its payload (a Twilio callback may stand for two call events); an
    // invalid payload was kept whole: its first message takes this row, the others are received anew.
    const m = messages.find((x) => x.idempotencyKey === event.idempotencyKey) ?? (event.status === 'invalid' ? messages[0] : undefined);
    if (!m) throw new ConflictException(messages.length ? `The payload no longer holds the message ${event.idempotencyKey}.` : 'The payload holds no message.');
    if (!(await this.events.requeue(sql, eventId, m.idempotencyKey, whole))) {
      throw new ConflictException('The same message was received again meanwhile and is already stored; nothing to replay.');
    }
    const reference = await this.process(eventId);
    if (event.status === 'invalid') for (const other of messages.filter((x) => x !== m)) await this.receiveOne(channel, other, payload);
    return reference;
  }

  /** Re-processes events a crash or an outage left behind. */
  async sweep(olderThanMs = 15_000): Promise<number> {
    const ids = await this.events.leftBehind(sqlOf(this.em), olderThanMs, MAX_ATTEMPTS);
    let done = 0;
    for (const id of ids) if (await this.processOrMarkFailed(id)) done++;
    if (done) this.log.log(`sweep processed ${done} left-behind event(s)`);
    return done;
  }

  /** false: it failed and is marked so (the sweep tries again, up to MAX_ATTEMPTS). */
  private async processOrMarkFailed(id: string): Promise<boolean> {
    try {
      await this.process(id);
      return true;
    } catch (err) {
      await this.events.markFailed(sqlOf(this.em), id, (err as Error).message).catch(() => undefined);
      this.log.warn(`event ${id} failed: ${(err as Error).message}`);
      return false;
    }
  }
}
