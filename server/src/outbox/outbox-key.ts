/**
 * Outbox keys for messages made from something other than a row of their own (a rule's effect, an SLA notice to
 * one address): the outbox holds one message per (kind, source_id), source_id a UUID, so the source is a UUID
 * named by the thing's key. Which of such keys are settled already (queued, or found unsendable), for the sweeps
 * that send what a crash left unqueued. And the record of a message that cannot be sent, so that the sweeps do
 * not try it again every few minutes and the agent reads on the timeline what did not go out, and why.
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../database/sql.js';

/** A UUID named by `key` (SHA-1, in the layout of a name-based UUID): the same key, the same source. */
export function sourceIdOf(key: string): string {
  const h = createHash('sha1').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface OutboxKey {
  kind: string;
  sourceId: string;
}
export const keyOf = (k: OutboxKey) => `${k.kind}|${k.sourceId}`;

/** Of these keys, those the outbox holds a message for or that were found unsendable (one query), as keyOf gives them. */
export async function settledKeys(sql: Sql, keys: readonly OutboxKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql<{ kind: string; sourceId: string }>(
    `with k(kind, source_id) as (select * from unnest(?::text[], ?::uuid[]))
     select o.kind, o.source_id as "sourceId" from outbox o join k on o.kind = k.kind and o.source_id = k.source_id
     union
     select k.kind, k.source_id from k where ${unsendableExists('k.kind', 'k.source_id::text')}`,
    [keys.map((k) => k.kind), keys.map((k) => k.sourceId)],
  );
  return new Set(rows.map(keyOf));
}

/** The audit action of a message that could not be sent (on its incident's timeline). */
const UNSENDABLE = 'notice.unsendable';

/**
 * SQL: the message of the outbox key given as two SQL expressions (its kind, its source id as text) was found
 * unsendable (recordUnsendable); by the entries' unique index.
 */
export const unsendableExists = (kind: string, sourceId: string) =>
  `exists (select 1 from audit_log a where a.action = '${UNSENDABLE}' and a.changes->'sourceId'->>'to' = ${sourceId} and a.changes->'kind'->>'to' = ${kind})`;

/**
 * Why a message cannot be sent, for as long as the desk stays as it is: no active channel to send it on, no way
 * to reach the customer, the incident or the recipient (a technician) gone. An error (the database, a mail
 * server) is not one of these: the sweeps and the outbox try again after one.
 */
export type UnsendableReason = 'no-email-channel' | 'no-sms-channel' | 'no-route' | 'gone' | 'no-recipient';

export interface Unsendable {
  incidentId: string;
  key: OutboxKey;
  recipient: string | null;
  reason: UnsendableReason;
  /** The rule whose notice or automatic reply it was, if a rule's. */
  rule?: string;
}

/** Says once on the incident's timeline that the message of `key` was not sent, and why. false: said already. */
export async function recordUnsendable(sql: Sql, u: Unsendable): Promise<boolean> {
  const changes = Object.fromEntries(
    Object.entries({ kind: u.key.kind, sourceId: u.key.sourceId, recipient: u.recipient, reason: u.reason, rule: u.rule ?? null }).map(([field, to]) => [field, { from: null, to }]),
  );
  const rows = await sql(
    `insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at)
     values (gen_random_uuid(), 'incident', ?, null, '${UNSENDABLE}', ?, now())
     on conflict ((changes->'sourceId'->>'to'), (changes->'kind'->>'to')) where action = '${UNSENDABLE}' do nothing
     returning id`,
    [u.incidentId, JSON.stringify(changes)],
  );
  return rows.length > 0;
}
