import { ConflictException, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { fetchWhole, openFolder, type EmailEnvelope } from '../../../channels/email/index.js';
import type { Channel } from '../channels/channel.entity.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { IngestService } from '../ingest/ingest.service.js';
import type { EmailChannelConfig } from './email-settings.js';
import { describeMailError, imapOptions } from './mail-servers.js';

/**
 * A message over the size limit is fetched header-only and kept in quarantine (mailbox-reader: no message over
 * the limit is held in memory). Once an admin has raised EMAIL_MAX_BYTES, its replay fetches it whole again from
 * the mailbox, by the UID it was kept with (the mailbox is read-only to us: it is still there unless a person
 * moved or deleted it).
 */
@Injectable()
export class QuarantinedMail implements OnModuleInit {
  constructor(
    private readonly ingest: IngestService,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.ingest.registerRefetcher('email', { whole: (channel, payload) => this.whole(channel, payload as unknown as EmailEnvelope) });
  }

  /** The envelope with the whole message; null when it was kept whole or is still over the limit (the replay says so). */
  async whole(channel: Channel, e: EmailEnvelope): Promise<Record<string, unknown> | null> {
    const limit = this.config.emailMaxBytes;
    if (!e.truncated || (e.size ?? 0) > limit) return null;
    const c = channel.config as unknown as EmailChannelConfig;
    const client = new ImapFlow(imapOptions(c, this.secrets));
    try {
      await client.connect();
      const box = await openFolder(client, c.imap.folder, null);
      if (Number(box.uidValidity) !== e.uidValidity) {
        throw new ConflictException(`The folder ${c.imap.folder} was renumbered (UIDVALIDITY ${e.uidValidity} → ${box.uidValidity}) since this message was kept: the sync reads the folder again, and a message still there is read again.`);
      }
      const m = await fetchWhole(client, e.uid, limit);
      if (m === 'too-large') return null;
      if (!m) throw new ConflictException(`The message (UID ${e.uid}) is no longer in ${c.imap.folder}: there is nothing to fetch again.`);
      const { truncated: _kept, ...rest } = e;
      return { ...rest, raw: m.raw.toString('base64'), size: m.size } as unknown as Record<string, unknown>;
    } catch (err) {
      if (err instanceof ConflictException) throw err;
      throw new ConflictException(`The message could not be fetched again from the mailbox: ${describeMailError(err)}`);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
