/**
 * Reading new mail from one IMAP folder with imapflow: the protocol half of the mailbox sync (the server's
 * MailboxSync stores what this hands over and keeps the sync state).
 *
 * Exactly once, together with the caller:
 * - the caller keeps (UIDVALIDITY, last UID handled) per folder and passes it in;
 * - only UIDs above the last one are fetched (`UID FETCH last+1:*`, minding that `n:*` also returns the
 *   highest message when n is past it);
 * - each message is handed over in UID order and the caller advances its last UID only after the message
 *   is stored, so a crash re-fetches at most the message in hand, and the store's idempotency key (the
 *   Message-ID or the bytes' hash, never the UID) makes that a no-op;
 * - a changed UIDVALIDITY means every UID changed: the folder is read again from the start, and the same
 *   keys make every message already stored a no-op.
 * Read-only: messages are fetched with BODY.PEEK and never flagged, moved or deleted.
 */
import type { FetchMessageObject, ImapFlow } from 'imapflow';

export interface FolderState {
  uidValidity: bigint;
  /** The highest UID handled; 0 for none. */
  lastUid: number;
}

export interface FetchedMail {
  uid: number;
  uidValidity: bigint;
  raw: Buffer;
  internalDate?: Date;
  /** The size the server gives (RFC822.SIZE). */
  size: number;
  /** true when only the header was fetched because the message is over the hard limit. */
  truncated: boolean;
}

export interface ReadStats {
  messages: number;
  bytes: number;
}

export interface ReadOptions {
  /**
   * Messages larger than this are fetched header-only (kept in quarantine, too large to hold): the size limit
   * itself, so that no message over it is ever held in memory; fetchWhole reads one again on an admin's replay.
   */
  hardLimitBytes: number;
  /** Messages per FETCH of full sources (default 25)... */
  batch?: number;
  /** ...and at most this many bytes, unless one message alone is larger (default 8 MB). */
  batchBytes?: number;
}

/** Selects the folder; says whether the caller's state still holds (same UIDVALIDITY). */
export async function openFolder(client: ImapFlow, folder: string, state: FolderState | null): Promise<{ uidValidity: bigint; uidNext: number; exists: number; reset: boolean }> {
  const box = await client.mailboxOpen(folder, { readOnly: true });
  const reset = state !== null && state.uidValidity !== box.uidValidity;
  return { uidValidity: box.uidValidity, uidNext: box.uidNext, exists: box.exists, reset };
}

/**
 * Where a first read of the folder starts: the UID just below the first message that arrived on or after
 * `since` (IMAP SEARCH SINCE, by arrival date), so older history is left alone. The folder must be open.
 */
export async function uidBefore(client: ImapFlow, since: Date): Promise<number> {
  const uids = await client.search({ since }, { uid: true });
  if (uids && uids.length > 0) return uids.reduce((a, b) => (b < a ? b : a)) - 1;
  const box = client.mailbox;
  return box && typeof box === 'object' ? Math.max(0, box.uidNext - 1) : 0;
}

/**
 * Hands over every message above `afterUid`, oldest first, one at a time (`handle` resolves before the
 * next is given). The folder must be open (openFolder). Returns what was fetched.
 */
export async function readNewMail(
  client: ImapFlow,
  uidValidity: bigint,
  afterUid: number,
  options: ReadOptions,
  handle: (mail: FetchedMail) => Promise<void>,
): Promise<ReadStats> {
  const stats: ReadStats = { messages: 0, bytes: 0 };
  const box = client.mailbox;
  if (box && typeof box === 'object' && box.exists === 0) return stats;

  // 1. which UIDs are new, with their sizes (a few bytes each)
  const listed: { uid: number; size: number; internalDate?: Date }[] = [];
  for await (const m of client.fetch(`${afterUid + 1}:*`, { uid: true, size: true, internalDate: true }, { uid: true })) {
    if (m.uid > afterUid) listed.push({ uid: m.uid, size: m.size ?? 0, internalDate: toDate(m.internalDate) });
  }
  listed.sort((a, b) => a.uid - b.uid);

  // 2. their sources, a batch at a time, handed over in UID order
  const batch = options.batch ?? 25;
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  for (let i = 0; i < listed.length; ) {
    const chunk: typeof listed = [];
    let bytes = 0;
    while (i < listed.length && chunk.length < batch && (chunk.length === 0 || bytes + listed[i].size <= batchBytes)) {
      bytes += listed[i].size;
      chunk.push(listed[i++]);
    }
    const whole = chunk.filter((m) => m.size <= options.hardLimitBytes).map((m) => m.uid);
    const fetched = new Map<number, FetchMessageObject>();
    if (whole.length > 0) {
      for await (const m of client.fetch(whole.join(','), { uid: true, source: true }, { uid: true })) fetched.set(m.uid, m);
    }
    for (const m of chunk) {
      let raw = fetched.get(m.uid)?.source;
      let truncated = false;
      if (!raw && m.size > options.hardLimitBytes) {
        const head = await client.fetchOne(String(m.uid), { uid: true, headers: true }, { uid: true });
        raw = head ? head.headers : undefined;
        truncated = true;
      }
      if (!raw) continue; // expunged between the two fetches: nothing to import
      stats.messages++;
      stats.bytes += raw.length;
      await handle({ uid: m.uid, uidValidity, raw, internalDate: m.internalDate, size: m.size, truncated });
    }
  }
  return stats;
}

function toDate(v: Date | string | undefined): Date | undefined {
  if (!v) return undefined;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * One message's whole source by UID, for a message kept in quarantine header-only and replayed after the limit
 * was raised. The folder must be open (openFolder). `header`: the header kept; the message at `uid` must still
 * have it, byte for byte ('other' otherwise: the UID is another message's now). null: no message at `uid`;
 * 'too-large': it is still over `limitBytes` (only its size and header are fetched, never its source).
 */
export async function fetchWhole(client: ImapFlow, uid: number, limitBytes: number, header: Buffer): Promise<{ raw: Buffer; size: number; internalDate?: Date } | 'too-large' | 'other' | null> {
  const listed = await client.fetchOne(String(uid), { uid: true, size: true, headers: true }, { uid: true });
  if (!listed) return null;
  if (!listed.headers || !listed.headers.equals(header)) return 'other';
  if ((listed.size ?? 0) > limitBytes) return 'too-large';
  const m = await client.fetchOne(String(uid), { uid: true, source: true, size: true, internalDate: true }, { uid: true });
  if (!m || !m.source) return null;
  return { raw: m.source, size: m.size ?? m.source.length, internalDate: toDate(m.internalDate) };
}

/** The UIDs of the open folder's messages with this Message-ID (a kept message found again after a UIDVALIDITY change). */
export async function uidsByMessageId(client: ImapFlow, messageId: string): Promise<number[]> {
  const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
  return found ? [...found].sort((a, b) => a - b) : [];
}
