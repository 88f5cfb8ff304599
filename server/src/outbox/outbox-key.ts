/**
 * Outbox keys for messages made from something other than a row of their own (a rule's effect, an SLA notice to
 * one address): the outbox holds one message per (kind, source_id), source_id a UUID, so the source is a UUID
 * named by the thing's key. And which of such keys are queued already, for the sweeps that send what a crash
 * left unqueued.
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

/** Of these keys, those the outbox holds a message for (one query), as keyOf gives them. */
export async function queuedKeys(sql: Sql, keys: readonly OutboxKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql<{ kind: string; sourceId: string }>(
    `select o.kind, o.source_id as "sourceId" from outbox o join unnest(?::text[], ?::uuid[]) k(kind, source_id) on o.kind = k.kind and o.source_id = k.source_id`,
    [keys.map((k) => k.kind), keys.map((k) => k.sourceId)],
  );
  return new Set(rows.map(keyOf));
}
