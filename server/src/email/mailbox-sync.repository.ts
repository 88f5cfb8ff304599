import { Injectable } from '@nestjs/common';
import type { FolderState, ReadStats } from '../../../channels/email/index.js';
import type { Sql } from '../database/sql.js';

/** mailbox_sync: per channel and folder, the UIDVALIDITY and the last UID stored, and how the sync fares. */
@Injectable()
export class MailboxSyncRepository {
  async get(sql: Sql, channelId: string, folder: string): Promise<FolderState | null> {
    const [row] = await sql<{ uid_validity: string; last_uid: string }>(`select uid_validity, last_uid from mailbox_sync where channel_id = ? and folder = ?`, [channelId, folder]);
    return row ? { uidValidity: BigInt(row.uid_validity), lastUid: Number(row.last_uid) } : null;
  }

  /** A first sync, or the server changed UIDVALIDITY: start over from `fromUid` under the new value. */
  async reset(sql: Sql, channelId: string, folder: string, uidValidity: bigint, fromUid: number): Promise<void> {
    await sql(
      `insert into mailbox_sync (channel_id, folder, uid_validity, last_uid, updated_at) values (?, ?, ?, ?, now())
       on conflict (channel_id, folder) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = now()`,
      [channelId, folder, uidValidity.toString(), fromUid],
    );
  }

  /** After a message is stored. Never moves back, and only under the UIDVALIDITY it was read with. */
  async advance(sql: Sql, channelId: string, folder: string, uidValidity: bigint, uid: number, size: number): Promise<void> {
    await sql(
      `update mailbox_sync set last_uid = greatest(last_uid, ?), fetched_messages = fetched_messages + 1, fetched_bytes = fetched_bytes + ?, updated_at = now()
       where channel_id = ? and folder = ? and uid_validity = ?`,
      [uid, size, channelId, folder, uidValidity.toString()],
    );
  }

  async synced(sql: Sql, channelId: string, folder: string): Promise<void> {
    await sql(`update mailbox_sync set synced_at = now(), last_error = null, updated_at = now() where channel_id = ? and folder = ?`, [channelId, folder]);
  }

  async failed(sql: Sql, channelId: string, folder: string, error: string): Promise<void> {
    await sql(
      `insert into mailbox_sync (channel_id, folder, uid_validity, last_uid, last_error, updated_at) values (?, ?, 0, 0, ?, now())
       on conflict (channel_id, folder) do update set last_error = excluded.last_error, updated_at = now()`,
      [channelId, folder, error.slice(0, 1000)],
    );
  }

  async stats(sql: Sql, channelId: string): Promise<ReadStats & { lastUid: number }> {
    const [row] = await sql<{ m: string; b: string; u: string }>(`select coalesce(sum(fetched_messages), 0) as m, coalesce(sum(fetched_bytes), 0) as b, coalesce(max(last_uid), 0) as u from mailbox_sync where channel_id = ?`, [channelId]);
    return { messages: Number(row.m), bytes: Number(row.b), lastUid: Number(row.u) };
  }
}
