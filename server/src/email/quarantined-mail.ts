import { ConflictException, HttpException, Inject, Injectable, ServiceUnavailableException, type OnModuleInit } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { fetchWhole, messageIdFromHeader, openFolder, uidsByMessageId, type EmailEnvelope } from '../../../channels/email/index.js';
import type { Channel } from '../channels/channel.entity.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { IngestService } from '../ingest/ingest.service.js';
import type { EmailChannelConfig } from './email-settings.js';
import { describeMailError, imapOptions } from './mail-servers.js';

/**
 * A message over the size limit is fetched header-only and kept in quarantine (mailbox-reader: no message over
 * the limit is held in memory). Once an admin has raised EMAIL_MAX_BYTES, its replay fetches it whole again from
 * the mailbox folder it came from (read-only to us: it is still there unless a person moved or deleted it).
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

  /**
   * The envelope with the whole message; null when it was kept whole or is still over the limit (the replay says
   * so). From the folder it came from, at its UID, or, after a UIDVALIDITY change, found again by its Message-ID;
   * only if that message still has the header kept.
   */
  async whole(channel: Channel, e: EmailEnvelope): Promise<Record<string, unknown> | null> {
    const limit = this.config.emailMaxBytes;
    if (!e.truncated || (e.size ?? 0) > limit) return null;
    const c = channel.config as unknown as EmailChannelConfig;
    const folder = e.folder ?? c.imap.folder;
    const header = Buffer.from(e.raw, 'base64');
    const client = new ImapFlow(imapOptions(c, this.secrets));
    try {
      await client.connect();
      const box = await openFolder(client, folder, null).catch((err: { responseStatus?: string; serverResponseCode?: string; response?: unknown }) => {
        // The server refused to open it (NO): not there any more, or not ours to read. That stays so until someone changes it.
        if (err.responseStatus === 'NO' || err.serverResponseCode === 'NONEXISTENT') {
          throw new ConflictException(`The folder ${folder} no longer exists in the mailbox, or cannot be opened${typeof err.response === 'string' && err.response ? ` (${err.response})` : ''}: there is nothing to fetch again.`);
        }
        throw err;
      });
      let uids = [e.uid];
      if (Number(box.uidValidity) !== e.uidValidity) {
        const messageId = await messageIdFromHeader(header);
        uids = messageId ? await uidsByMessageId(client, messageId) : [];
        if (uids.length === 0) throw new ConflictException(`The folder ${folder} was renumbered since this message was kept, and no message in it has its Message-ID: there is nothing to fetch again.`);
      }
      // The first of them (a copy delivered twice has one Message-ID) that still has the header kept.
      for (const uid of uids) {
        const m = await fetchWhole(client, uid, limit, header);
        if (m === 'other') continue;
        if (m === 'too-large') return null;
        if (m === null) throw new ConflictException(`The message (UID ${uid}) is no longer in ${folder}: there is nothing to fetch again.`);
        const { truncated: _kept, ...rest } = e;
        return { ...rest, uidValidity: Number(box.uidValidity), uid, raw: m.raw.toString('base64'), size: m.size } as unknown as Record<string, unknown>;
      }
      throw new ConflictException(`${uids.length === 1 ? `UID ${uids[0]}` : 'Each message with its Message-ID'} of ${folder} is another message now: the one kept is not fetched again.`);
    } catch (err) {
      if (err instanceof HttpException) throw err;
      // Settings the server refuses stay so until an admin changes them.
      if ((err as { authenticationFailed?: boolean }).authenticationFailed) throw new ConflictException(`The mailbox refused the channel's settings (${describeMailError(err)}): fix them, then replay.`);
      throw new ServiceUnavailableException(`The mailbox could not be reached to fetch the message again (${describeMailError(err)}); try again.`);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
