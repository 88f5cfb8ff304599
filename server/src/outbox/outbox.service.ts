import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChannelsService } from '../channels/channels.service.js';
import type { Channel } from '../channels/channel.entity.js';
import type { ChannelKind, DeliveryStatus } from '../contracts/api.js';
import { sqlOf, type Sql } from '../database/sql.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { JobQueue } from '../jobs/job-queue.js';
import { OutboxRepository, type NewOutboxRow } from './outbox.repository.js';

/** How a channel sends one outbox row, and what its failures mean. */
export interface OutboxSender {
  /** providerId: the provider's id of what it accepted (Twilio's MessageSid), kept on the message for status callbacks. */
  send(channel: Channel, mail: unknown): Promise<void | { providerId: string }>;
  failureKind(err: unknown): 'retry' | 'permanent' | 'unknown';
  describe(err: unknown): string;
}

const SEND_LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 8;
const SWEEP_MS = 30_000;
/** Automatic mails (acknowledgements, notifications) per recipient per hour: no mail storm, no loop. */
export const AUTOMATIC_CAP = { count: 3, windowMs: 60 * 60_000 };
const retryDelayMs = (attempt: number) => Math.min(30 * 60_000, 5_000 * 4 ** (attempt - 1));

const UNKNOWN_OUTCOME =
  'The connection broke while the mail server was taking this mail: it may or may not have gone out. It is not sent again by itself; send it again if the customer did not get it.';

/**
 * The outbox: mail (and later SMS) to send is written in the same transaction as the message it belongs
 * to, then sent by a worker. A row is claimed (status 'sending') before sending and marked 'sent' after;
 * a failure before the message was handed over is retried with backoff, a refusal is final, and a send
 * whose outcome is unknown (process died, connection broke after DATA) is never repeated by itself:
 * "at most once", shown to the agent, who can send it again.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap {
  private readonly log = new Logger('Outbox');
  private readonly senders = new Map<ChannelKind, OutboxSender>();

  constructor(
    private readonly em: EntityManager,
    private readonly repo: OutboxRepository,
    private readonly queue: JobQueue,
    private readonly channels: ChannelsService,
    private readonly incidents: IncidentsService,
  ) {}

  register(kind: ChannelKind, sender: OutboxSender): void {
    this.senders.set(kind, sender);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsProcessors) return;
    this.queue.process('outbox.send', async ({ id }: { id: string }) => this.send(id));
    await this.queue.repeat('outbox.sweep', SWEEP_MS, () => this.sweep());
  }

  /**
   * Inside the caller's transaction. An automatic mail over the per-recipient cap is stored as
   * 'suppressed' (visible, never sent). Returns the status, or null when it existed already.
   */
  async enqueue(sql: Sql, row: NewOutboxRow): Promise<'queued' | 'suppressed' | null> {
    let status: 'queued' | 'suppressed' = 'queued';
    if (row.automatic && (await this.repo.automaticSentTo(sql, row.recipient, AUTOMATIC_CAP.windowMs)) >= AUTOMATIC_CAP.count) status = 'suppressed';
    const inserted = await this.repo.insert(sql, { ...row, status, lastError: status === 'suppressed' ? `more than ${AUTOMATIC_CAP.count} automatic mails to this address within an hour` : null });
    return inserted ? status : null;
  }

  /** After the enqueuing transaction commits: send now rather than at the next sweep. One job per round and attempt. */
  async kick(id: string, at: { round: number; attempt: number } = { round: 0, attempt: 0 }, delayMs = 0): Promise<void> {
    await this.queue.add('outbox.send', { id }, { jobId: `outbox-${id}-${at.round}-${at.attempt}`, delayMs, attempts: 1 }).catch((err: Error) => {
      this.log.warn(`outbox ${id} not queued (the sweep will send it): ${err.message}`);
    });
  }

  async send(id: string): Promise<void> {
    const sql = sqlOf(this.em);
    const row = await this.repo.claim(sql, id, SEND_LEASE_MS);
    if (!row) return; // sent, failed, not due yet, or another worker has it
    let channel: Channel;
    let sender: OutboxSender | undefined;
    try {
      channel = await this.channels.byId(row.channelId);
      sender = this.senders.get(channel.kind);
      await this.setDelivery(row.messageId, 'sending', null);
    } catch (err) {
      // Nothing was handed over: try again later.
      await this.repo.retryLater(sql, id, retryDelayMs(row.attempts), (err as Error).message);
      return;
    }
    if (!sender) {
      await this.finish(row.id, row.messageId, 'failed', `no sender for ${channel.kind} channels`);
      return;
    }
    let accepted: void | { providerId: string };
    try {
      accepted = await sender.send(channel, row.mail);
    } catch (err) {
      const kind = sender.failureKind(err);
      const reason = sender.describe(err);
      if (kind === 'retry' && row.attempts < MAX_ATTEMPTS) {
        const delay = retryDelayMs(row.attempts);
        this.log.warn(`outbox ${id} attempt ${row.attempts} failed, retrying in ${Math.round(delay / 1000)} s: ${reason}`);
        await this.repo.retryLater(sql, id, delay, reason);
        await this.setDelivery(row.messageId, 'queued', reason);
        await this.kick(id, { round: row.round, attempt: row.attempts }, delay);
        return;
      }
      this.log.warn(`outbox ${id} failed (${kind}): ${reason}`);
      await this.finish(row.id, row.messageId, 'failed', kind === 'unknown' ? `${UNKNOWN_OUTCOME} (${reason})` : reason);
      return;
    }
    if (accepted?.providerId && row.messageId) await sql(`update messages set external_id = ? where id = ?`, [accepted.providerId, row.messageId]);
    if (await this.repo.markSent(sql, id)) await this.setDelivery(row.messageId, 'sent', null);
  }

  /** Due rows whose job was lost, and rows a dead process left 'sending' (outcome unknown: not resent). */
  async sweep(): Promise<void> {
    const sql = sqlOf(this.em);
    for (const stale of await this.repo.staleSending(sql)) {
      if (!(await this.repo.markFailed(sql, stale.id, UNKNOWN_OUTCOME, true))) continue; // its sender finished meanwhile
      this.log.warn(`outbox ${stale.id} was being sent by a process that stopped: outcome unknown, not sent again`);
      await this.setDelivery(stale.messageId, 'failed', UNKNOWN_OUTCOME);
    }
    for (const id of await this.repo.due(sql)) await this.send(id);
  }

  /** An agent's "send again" on a failed mail: a new round, with its retries. */
  async resend(messageId: string): Promise<boolean> {
    const requeued = await this.repo.requeue(sqlOf(this.em), messageId);
    if (!requeued) return false;
    await this.setDelivery(messageId, 'queued', null);
    await this.kick(requeued.id, { round: requeued.round, attempt: 0 });
    return true;
  }

  private async finish(id: string, messageId: string | null, status: 'failed', error: string): Promise<void> {
    if (await this.repo.markFailed(sqlOf(this.em), id, error)) await this.setDelivery(messageId, status, error);
  }

  private async setDelivery(messageId: string | null, status: DeliveryStatus, error: string | null): Promise<void> {
    if (!messageId) return;
    // 'sent' never overwrites what a provider reported meanwhile (delivered, read ...).
    await sqlOf(this.em)(
      `update messages set delivery_status = ?, delivery_error = ? where id = ? and (? <> 'sent' or delivery_status is null or delivery_status in ('queued', 'sending'))`,
      [status, error, messageId, status],
    );
    await this.incidents.announceMessageChanged(messageId).catch((err: Error) => this.log.warn(`message ${messageId} not announced: ${err.message}`));
  }
}
