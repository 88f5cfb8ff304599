import { Injectable } from '@nestjs/common';
import type { Sql } from '../database/sql.js';
import type { InboundStatus } from './inbound-event.entity.js';

export interface InboundEventRow {
  id: string;
  channelId: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  status: InboundStatus;
  incidentId: string | null;
}

const COLUMNS = `id, channel_id as "channelId", idempotency_key as "idempotencyKey", payload, status, incident_id as "incidentId"`;

/** The raw inbound events: the unique (channel, key) pair is what makes every delivery count once. */
@Injectable()
export class InboundEventsRepository {
  /** Inserts the raw payload; null when this (channel, key) was stored before (a redelivery). */
  async insert(sql: Sql, e: { id: string; channelId: string; key: string; payload: unknown; status: InboundStatus; error?: string }): Promise<string | null> {
    const rows = await sql<{ id: string }>(
      `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, error, received_at)
       values (?, ?, ?, ?, ?, 0, ?, now()) on conflict (channel_id, idempotency_key) do nothing returning id`,
      [e.id, e.channelId, e.key, JSON.stringify(e.payload), e.status, e.error ?? null],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * An earlier event stored under one of `keys` since `since` (InboundMessage.sameAs), after taking `lock` for the
   * rest of the transaction, so that two deliveries of one content are judged one after the other.
   */
  async earlierKey(sql: Sql, channelId: string, same: { lock: string; keys: string[]; since: Date }): Promise<string | null> {
    await sql(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`inbound:${channelId}:${same.lock}`]);
    const rows = await sql<{ key: string }>(
      `select idempotency_key as key from inbound_events where channel_id = ? and idempotency_key = any(?::text[]) and received_at >= ? order by received_at limit 1`,
      [channelId, same.keys, same.since],
    );
    return rows[0]?.key ?? null;
  }

  /** Locks the event row for the rest of the transaction (concurrent deliveries queue up here). */
  async lockByKey(sql: Sql, channelId: string, key: string): Promise<InboundEventRow | null> {
    const rows = await sql<InboundEventRow>(`select ${COLUMNS} from inbound_events where channel_id = ? and idempotency_key = ? for update`, [channelId, key]);
    return rows[0] ?? null;
  }

  async channelOf(sql: Sql, id: string): Promise<string | null> {
    const rows = await sql<{ channelId: string }>(`select channel_id as "channelId" from inbound_events where id = ?`, [id]);
    return rows[0]?.channelId ?? null;
  }

  async find(sql: Sql, id: string): Promise<InboundEventRow | null> {
    const rows = await sql<InboundEventRow>(`select ${COLUMNS} from inbound_events where id = ?`, [id]);
    return rows[0] ?? null;
  }

  async lockById(sql: Sql, id: string): Promise<InboundEventRow | null> {
    const rows = await sql<InboundEventRow>(`select ${COLUMNS} from inbound_events where id = ? for update`, [id]);
    return rows[0] ?? null;
  }

  /** Processed without a message of its own (a call event that only updated its call). */
  async markProcessed(sql: Sql, id: string, incidentId: string | null): Promise<void> {
    await sql(`update inbound_events set status = 'processed', attempts = attempts + 1, error = null, incident_id = ?, processed_at = now() where id = ? and status <> 'processed'`, [incidentId, id]);
  }

  async markFailed(sql: Sql, id: string, error: string): Promise<void> {
    await sql(`update inbound_events set status = 'failed', attempts = attempts + 1, error = ? where id = ? and status <> 'processed'`, [error.slice(0, 2000), id]);
  }

  /** Payloads that need an admin: invalid ones, and failed ones the sweep gave up on. */
  async needingAttention(sql: Sql, maxAttempts: number, limit: number): Promise<(InboundEventRow & { error: string | null; attempts: number; receivedAt: Date })[]> {
    return sql(
      `select ${COLUMNS}, error, attempts, received_at as "receivedAt" from inbound_events
       where status = 'invalid' or (status = 'failed' and attempts >= ?) order by received_at desc limit ?`,
      [maxAttempts, limit],
    );
  }

  /**
   * Back in the queue, under the key its payload now normalises to (and with `payload`, when the whole of a
   * payload kept in part was fetched again). false: another event has that key.
   */
  async requeue(sql: Sql, id: string, key: string, payload: Record<string, unknown> | null = null): Promise<boolean> {
    const rows = await sql<{ id: string }>(
      `update inbound_events set status = 'received', attempts = 0, error = null, idempotency_key = ?, payload = coalesce(?::jsonb, payload)
       where id = ? and status in ('invalid', 'failed')
         and not exists (select 1 from inbound_events o where o.channel_id = inbound_events.channel_id and o.idempotency_key = ? and o.id <> ?)
       returning id`,
      [key, payload ? JSON.stringify(payload) : null, id, key, id],
    );
    return rows.length > 0;
  }

  async referenceOfIncident(sql: Sql, incidentId: string): Promise<string | null> {
    const [row] = await sql<{ reference: string }>(`select reference from incidents where id = ?`, [incidentId]);
    return row?.reference ?? null;
  }

  /** Events a crash or an outage left unprocessed, oldest first. */
  async leftBehind(sql: Sql, olderThanMs: number, maxAttempts: number, limit = 200): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `select id from inbound_events where status in ('received', 'failed') and attempts < ?
         and received_at < now() - (? * interval '1 millisecond') order by received_at limit ?`,
      [maxAttempts, olderThanMs, limit],
    );
    return rows.map((r) => r.id);
  }
}
