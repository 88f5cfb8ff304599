/**
 * Keeps one mailbox synced: holds the mailbox's lease (one reader per mailbox across processes),
 * connects, reads what is new, then waits in IDLE for the server to announce more; on any failure it
 * records the error and reconnects with backoff. See channels/email/mailbox-reader.ts for why nothing is
 * lost or stored twice.
 */
import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { InvalidPayloadError } from '../../../channels/core/index.js';
import { keyFromHeader, openFolder, readNewMail, uidBefore, type EmailEnvelope, type FetchedMail, type FolderState } from '../../../channels/email/index.js';
import type { Channel } from '../channels/channel.entity.js';
import type { Secrets } from '../common/secrets.js';
import type { Sql } from '../database/sql.js';
import type { IngestService } from '../ingest/ingest.service.js';
import type { Lease, Leases } from '../jobs/leases.js';
import type { EmailChannelConfig } from './email-settings.js';
import { describeMailError, imapOptions } from './mail-servers.js';
import type { MailboxSyncRepository } from './mailbox-sync.repository.js';

export interface RunnerDeps {
  sql: Sql;
  leases: Leases;
  ingest: IngestService;
  repo: MailboxSyncRepository;
  secrets: Secrets;
  /** Largest message imported; up to 4x that is fetched and kept in quarantine, beyond only its header. */
  maxBytes: number;
  timing?: Partial<RunnerTiming>;
}

export interface RunnerTiming {
  leaseTtlMs: number;
  /** Re-read even without news from IDLE (a server that drops notifications; 5 min). */
  pollMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
}

/** How far back the first read of a mailbox goes (mail already there when the channel was created). */
export const HISTORY_DAYS = 14;

const DEFAULT_TIMING: RunnerTiming = { leaseTtlMs: 30_000, pollMs: 300_000, backoffMinMs: 1_000, backoffMaxMs: 60_000 };

export class MailboxRunner {
  private readonly log: Logger;
  private readonly timing: RunnerTiming;
  private stopped = false;
  private stopSignal!: () => void;
  private readonly stopping = new Promise<void>((r) => (this.stopSignal = r));
  private running?: Promise<void>;
  private client?: ImapFlow;
  /** Set by the server's EXISTS notifications; cleared before each read. */
  private news = false;
  private wake?: () => void;

  constructor(
    readonly channel: Channel,
    private readonly deps: RunnerDeps,
  ) {
    this.log = new Logger(`Mailbox ${(channel.config as unknown as EmailChannelConfig).address}`);
    this.timing = { ...DEFAULT_TIMING, ...deps.timing };
  }

  private get config(): EmailChannelConfig {
    return this.channel.config as unknown as EmailChannelConfig;
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopSignal();
    this.wake?.();
    this.client?.close();
    await this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const lease = await this.deps.leases.acquire(`mailbox:${this.channel.id}`, this.timing.leaseTtlMs).catch((err: Error) => {
        this.log.warn(`lease not taken: ${err.message}`);
        return null;
      });
      if (!lease) {
        // Another process reads this mailbox (or Redis is away): look again in a while.
        await Promise.race([sleep(this.timing.leaseTtlMs / 2), this.stopping]);
        continue;
      }
      try {
        await this.session(lease);
        failures = 0;
      } catch (err) {
        if (this.stopped) break;
        failures++;
        const message = describeMailError(err);
        this.log.warn(`sync failed (attempt ${failures}), retrying: ${message}`);
        await this.deps.repo.failed(this.deps.sql, this.channel.id, this.config.imap.folder, message).catch(() => undefined);
      } finally {
        this.client?.close();
        this.client = undefined;
        await lease.release();
      }
      if (!this.stopped && failures > 0) {
        const delay = Math.min(this.timing.backoffMaxMs, this.timing.backoffMinMs * 2 ** (failures - 1));
        await Promise.race([sleep(delay * (0.75 + Math.random() / 2)), this.stopping]);
      }
    }
  }

  /** One connection: read, idle, read ... until the connection drops, the lease is lost or we stop. */
  private async session(lease: Lease): Promise<void> {
    const folder = this.config.imap.folder;
    const client = new ImapFlow(imapOptions(this.config, this.deps.secrets, { disableAutoIdle: true, maxIdleTime: 240_000 }));
    this.client = client;
    // Whatever ends a wait sets its reason and wakes the loop (one handler each per session: nothing
    // accumulates over a long-lived connection).
    let closedReason: Error | null = null;
    let ended: 'lost' | 'closed' | null = null;
    client.on('close', () => {
      ended ??= 'closed';
      this.wake?.();
    });
    client.on('error', (err: Error) => {
      closedReason ??= err;
      ended ??= 'closed';
      this.wake?.();
    });
    client.on('exists', () => {
      this.news = true;
      this.wake?.();
    });
    void lease.lost.then(() => {
      ended ??= 'lost';
      this.wake?.();
    });
    await client.connect();

    let state: FolderState | null = await this.deps.repo.get(this.deps.sql, this.channel.id, folder);
    const opened = await openFolder(client, folder, state);
    if (!state || opened.reset) {
      if (state) this.log.warn(`UIDVALIDITY changed (${state.uidValidity} -> ${opened.uidValidity}): reading the folder again; stored messages are recognised`);
      // A mailbox's old history is not imported: only what arrived in the HISTORY_DAYS before the channel
      // was created, and everything since (a UIDVALIDITY reset re-reads the same span, nothing older).
      const since = new Date(this.channel.createdAt.getTime() - HISTORY_DAYS * 86_400_000);
      const start = await uidBefore(client, since);
      await this.deps.repo.reset(this.deps.sql, this.channel.id, folder, opened.uidValidity, start);
      state = { uidValidity: opened.uidValidity, lastUid: start };
    }
    while (!this.stopped) {
      this.news = false;
      const current: FolderState = state;
      const stats = await readNewMail(client, current.uidValidity, current.lastUid, { hardLimitBytes: this.deps.maxBytes }, async (mail) => {
        await this.store(mail);
        await this.deps.repo.advance(this.deps.sql, this.channel.id, folder, current.uidValidity, mail.uid, mail.raw.length);
        current.lastUid = mail.uid;
      });
      await this.deps.repo.synced(this.deps.sql, this.channel.id, folder);
      if (stats.messages > 0) this.log.debug(`read ${stats.messages} message(s), ${stats.bytes} bytes`);
      if (this.news || ended || this.stopped) {
        if (ended || this.stopped) break;
        continue;
      }
      // Wait for news: IDLE until the server announces mail, the poll interval passes, or things end.
      void client.idle().catch(() => undefined); // the next command breaks IDLE
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.wake?.(), this.timing.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
      if (ended || this.stopped) break;
    }
    if (ended === 'closed' && !this.stopped) throw closedReason ?? new Error('the IMAP server closed the connection');
  }

  /** Stores one message through ingest. A message ingest refuses is kept in quarantine and skipped. */
  private async store(mail: FetchedMail): Promise<void> {
    const envelope: EmailEnvelope = {
      raw: mail.raw.toString('base64'),
      mailbox: this.channel.id,
      folder: this.config.imap.folder,
      uidValidity: Number(mail.uidValidity),
      uid: mail.uid,
      receivedAt: mail.internalDate?.toISOString(),
      size: mail.size,
      ...(mail.truncated ? { truncated: true } : {}),
    };
    try {
      // Kept in quarantine if refused: a message too large to fetch under the key it will have once replayed.
      const keptKey = mail.truncated ? await keyFromHeader(mail.raw, this.channel.id) : null;
      await this.deps.ingest.receive(this.channel, envelope as unknown as Record<string, unknown>, {
        invalidKey: keptKey ?? `invalid:${createHash('sha256').update(mail.raw).digest('hex')}`,
      });
    } catch (err) {
      if (err instanceof InvalidPayloadError) {
        this.log.warn(`message UID ${mail.uid} kept in quarantine: ${err.message}`);
        return;
      }
      throw err;
    }
  }
}
