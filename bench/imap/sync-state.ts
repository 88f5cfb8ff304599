/**
 * What the server's database says about an e-mail channel: its mailbox_sync row (UIDVALIDITY, last UID,
 * cumulative messages and bytes fetched), its incidents and its outbox. Read through the bench's own
 * connection to the run's database.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { round } from '../lib/stats.js';

/** Queries this module sent (each one a transaction of its own): subtracted from the database's counts. */
let benchQueries = 0;

function q<R extends pg.QueryResultRow>(db: pg.Client, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  benchQueries++;
  return db.query<R>(text, values);
}

export interface SyncRow {
  uidValidity: string;
  lastUid: number;
  fetchedMessages: number;
  fetchedBytes: number;
  syncedAt: Date | null;
  updatedAt: Date;
  lastError: string | null;
}

export async function readSync(db: pg.Client, channelId: string): Promise<SyncRow | null> {
  const { rows } = await q<{ uid_validity: string; last_uid: string; fetched_messages: string; fetched_bytes: string; synced_at: Date | null; updated_at: Date; last_error: string | null }>(
    db,
    `select uid_validity, last_uid, fetched_messages, fetched_bytes, synced_at, updated_at, last_error from mailbox_sync where channel_id = $1 and folder = 'INBOX'`,
    [channelId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    uidValidity: String(r.uid_validity),
    lastUid: Number(r.last_uid),
    fetchedMessages: Number(r.fetched_messages),
    fetchedBytes: Number(r.fetched_bytes),
    syncedAt: r.synced_at,
    updatedAt: r.updated_at,
    lastError: r.last_error,
  };
}

export async function countIncidents(db: pg.Client, channelId: string): Promise<number> {
  const { rows } = await q<{ n: string }>(db, `select count(*) as n from incidents where channel_id = $1`, [channelId]);
  return Number(rows[0].n);
}

/** Outbox rows of the channel by status (acknowledgements of new requests). */
export async function outboxByStatus(db: pg.Client, channelId: string): Promise<Record<string, number>> {
  const { rows } = await q<{ status: string; n: string }>(db, `select status, count(*) as n from outbox where channel_id = $1 group by status`, [channelId]);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Polls `read` every `intervalMs` until `done` says so or `timeoutMs` passed; returns the last value
 * read and whether `done` held.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, intervalMs = 100): Promise<{ value: T; ok: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, ok: true };
    if (Date.now() >= deadline) return { value, ok: false };
    await sleep(intervalMs);
  }
}

/**
 * Waits until the mailbox's runner has read the folder once and gone back to waiting (synced_at set
 * after the last change). Throws with the sync's last error when that does not happen in time.
 */
export async function waitUntilSynced(db: pg.Client, channelId: string, timeoutMs: number, what: string): Promise<SyncRow> {
  const { value, ok } = await pollUntil(
    () => readSync(db, channelId),
    (r) => r !== null && r.syncedAt !== null && r.syncedAt.getTime() >= r.updatedAt.getTime(),
    timeoutMs,
  );
  if (!ok || !value) throw new Error(`${what}: the mailbox was not synced within ${timeoutMs / 1000} s (last error: ${value?.lastError ?? 'none recorded'})`);
  return value;
}

/** The database's own activity counters (pg_stat_database, pg_stat_user_tables) at one moment. */
export interface DbCounters {
  commits: number;
  rollbacks: number;
  inserted: number;
  updated: number;
  deleted: number;
  benchQueries: number;
  seqScans: Record<string, { scans: number; rows: number }>;
}

export async function dbCounters(db: pg.Client): Promise<DbCounters> {
  const { rows } = await q<{ c: string; r: string; i: string; u: string; d: string }>(
    db,
    `select xact_commit as c, xact_rollback as r, tup_inserted as i, tup_updated as u, tup_deleted as d from pg_stat_database where datname = current_database()`,
  );
  const tables = await q<{ relname: string; seq_scan: string; seq_tup_read: string }>(db, `select relname, seq_scan, seq_tup_read from pg_stat_user_tables`);
  return {
    commits: Number(rows[0].c),
    rollbacks: Number(rows[0].r),
    inserted: Number(rows[0].i),
    updated: Number(rows[0].u),
    deleted: Number(rows[0].d),
    benchQueries,
    seqScans: Object.fromEntries(tables.rows.map((t) => [t.relname, { scans: Number(t.seq_scan), rows: Number(t.seq_tup_read) }])),
  };
}

export interface DbWork {
  /** Per message, the server's transactions (the bench's own queries taken out). */
  commitsPerMessage: number;
  rowsInsertedPerMessage: number;
  rowsUpdatedPerMessage: number;
  rollbacks: number;
  /** Tables read by sequential scans meanwhile, most rows read first (at most 5). */
  seqScans: Array<{ table: string; scans: number; rowsRead: number }>;
}

/**
 * What the database did between two readings, per message. PostgreSQL publishes a backend's counters
 * within about a second of it going idle: read `after` once the work has been idle that long.
 */
export function dbWork(before: DbCounters, after: DbCounters, messages: number): DbWork {
  const per = (v: number) => round(v / Math.max(1, messages), 2);
  const seqScans = Object.entries(after.seqScans)
    .map(([table, a]) => ({ table, scans: a.scans - (before.seqScans[table]?.scans ?? 0), rowsRead: a.rows - (before.seqScans[table]?.rows ?? 0) }))
    .filter((t) => t.scans > 0)
    .sort((a, b) => b.rowsRead - a.rowsRead)
    .slice(0, 5);
  return {
    commitsPerMessage: per(after.commits - before.commits - (after.benchQueries - before.benchQueries)),
    rowsInsertedPerMessage: per(after.inserted - before.inserted),
    rowsUpdatedPerMessage: per(after.updated - before.updated),
    rollbacks: after.rollbacks - before.rollbacks,
    seqScans,
  };
}
