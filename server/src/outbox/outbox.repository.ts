import { Injectable } from '@nestjs/common';
import type { Sql } from '../database/sql.js';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed';

export interface OutboxRow {
  id: string;
  messageId: string | null;
  channelId: string;
  kind: string;
  automatic: boolean;
  recipient: string;
  mail: unknown;
  status: OutboxStatus;
  /** Attempts in this round; the round: how many times an agent sent it again (requeue). */
  attempts: number;
  round: number;
}

export interface NewOutboxRow {
  id: string;
  messageId: string | null;
  /** What an automatic mail is about (inbound message, assignment): at most one mail of a kind per source. */
  sourceId?: string | null;
  channelId: string;
  kind: string;
  automatic: boolean;
  recipient: string;
  mail: unknown;
  status?: 'queued' | 'suppressed';
  lastError?: string | null;
}

const COLUMNS = `id, message_id as "messageId", channel_id as "channelId", kind, automatic, recipient, mail, status, attempts, round`;

@Injectable()
export class OutboxRepository {
  /** false: a mail of this kind for this source message exists already. */
  async insert(sql: Sql, r: NewOutboxRow): Promise<boolean> {
    const rows = await sql(
      `insert into outbox (id, message_id, source_id, channel_id, kind, automatic, recipient, mail, status, last_error, attempts, next_attempt_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, now(), now()) on conflict do nothing returning id`,
      [r.id, r.messageId, r.sourceId ?? null, r.channelId, r.kind, r.automatic, r.recipient, JSON.stringify(r.mail), r.status ?? 'queued', r.lastError ?? null],
    );
    return rows.length > 0;
  }

  /** Automatic mails to this address within the window (any status but suppressed). */
  async automaticSentTo(sql: Sql, recipient: string, withinMs: number): Promise<number> {
    const [row] = await sql<{ n: string }>(
      `select count(*) as n from outbox where recipient = ? and automatic and status <> 'suppressed' and created_at > now() - (? * interval '1 millisecond')`,
      [recipient, withinMs],
    );
    return Number(row.n);
  }

  /**
   * Takes a due row for sending (one taker wins): status 'sending' until `leaseMs` from now. A row still
   * 'sending' after that was being sent by a process that died: see staleSending.
   */
  async claim(sql: Sql, id: string, leaseMs: number): Promise<OutboxRow | null> {
    const [row] = await sql<OutboxRow>(
      `update outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = now() + (? * interval '1 millisecond')
       where id = ? and status = 'queued' and next_attempt_at <= now() returning ${COLUMNS}`,
      [leaseMs, id],
    );
    return row ?? null;
  }

  /** false: the row was no longer ours (a sweep gave it up meanwhile). */
  async markSent(sql: Sql, id: string): Promise<boolean> {
    return (await sql(`update outbox set status = 'sent', sent_at = now(), last_error = null where id = ? and status = 'sending' returning id`, [id])).length > 0;
  }

  async retryLater(sql: Sql, id: string, delayMs: number, error: string): Promise<void> {
    await sql(`update outbox set status = 'queued', next_attempt_at = now() + (? * interval '1 millisecond'), last_error = ? where id = ? and status = 'sending'`, [delayMs, error, id]);
  }

  /** From 'sending' only (`staleOnly`: and only past its lease); false when the row had moved on. */
  async markFailed(sql: Sql, id: string, error: string, staleOnly = false): Promise<boolean> {
    const rows = await sql(
      `update outbox set status = 'failed', last_error = ? where id = ? and status = 'sending' ${staleOnly ? 'and next_attempt_at < now()' : ''} returning id`,
      [error, id],
    );
    return rows.length > 0;
  }

  /** Queued rows whose time has come (their job may have been lost with a process). */
  async due(sql: Sql, limit = 100): Promise<string[]> {
    const rows = await sql<{ id: string }>(`select id from outbox where status = 'queued' and next_attempt_at <= now() order by next_attempt_at limit ?`, [limit]);
    return rows.map((r) => r.id);
  }

  /** Rows left 'sending' past their lease: the process sending them died. */
  async staleSending(sql: Sql, limit = 100): Promise<{ id: string; messageId: string | null }[]> {
    return sql(`select id, message_id as "messageId" from outbox where status = 'sending' and next_attempt_at < now() order by next_attempt_at limit ?`, [limit]);
  }

  /**
   * An agent asked to send a failed or bounced mail again (e.g. after an "unknown" outcome they checked): a new
   * round, its attempts from none.
   */
  async requeue(sql: Sql, messageId: string): Promise<{ id: string; round: number } | null> {
    const [row] = await sql<{ id: string; round: number }>(
      `update outbox o set status = 'queued', next_attempt_at = now(), last_error = null, attempts = 0, round = o.round + 1
       where o.message_id = ? and (o.status = 'failed' or (o.status = 'sent' and exists (select 1 from messages m where m.id = o.message_id and m.delivery_status = 'bounced')))
       returning o.id, o.round`,
      [messageId],
    );
    return row ?? null;
  }
}
