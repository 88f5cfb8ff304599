import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { InboundMessage } from '../../../channels/core/index.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { StoredTwilioConfig } from '../channels/twilio-settings.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { IncidentsService, type InboundOutcome } from '../incidents/incidents.service.js';
import { IngestService } from '../ingest/ingest.service.js';
import { JobQueue } from '../jobs/job-queue.js';

interface MediaJob {
  messageId: string;
  channelId: string;
  media: { url: string; contentType?: string }[];
}

/**
 * Photos and documents sent by SMS/WhatsApp (MediaUrl0..N): fetched after the message is stored, with the
 * account's credentials, into attachment storage (typed by content, size-limited), once per media URL
 * however often the job runs; the message updates live.
 */
@Injectable()
export class TwilioMedia implements OnApplicationBootstrap {
  private readonly log = new Logger('TwilioMedia');

  constructor(
    private readonly ingest: IngestService,
    private readonly queue: JobQueue,
    private readonly channels: ChannelsService,
    private readonly attachments: AttachmentsService,
    private readonly incidents: IncidentsService,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.ingest.committed.on('inbound', (outcome: InboundOutcome, m: InboundMessage, channel: Channel) => {
      const media = (m.meta?.media as MediaJob['media'] | undefined) ?? [];
      if ((m.kind !== 'sms' && m.kind !== 'whatsapp') || media.length === 0) return;
      const job: MediaJob = { messageId: outcome.message.id, channelId: channel.id, media };
      void this.queue.add('twilio.media', job, { jobId: `media-${job.messageId}` }).catch((err: Error) => this.log.warn(`media of ${job.messageId} not queued: ${err.message}`));
    });
    if (this.queue.runsProcessors) this.queue.process('twilio.media', (job: MediaJob) => this.fetchAll(job));
  }

  async fetchAll(job: MediaJob): Promise<void> {
    const channel = await this.channels.byId(job.channelId);
    const c = channel.config as unknown as StoredTwilioConfig;
    const auth = `Basic ${Buffer.from(`${c.accountSid}:${this.secrets.decrypt(c.authToken)}`).toString('base64')}`;
    for (const [i, item] of job.media.entries()) {
      const url = this.config.twilioApiUrl ? item.url.replace(/^https:\/\/[a-z0-9.-]*twilio\.com/i, this.config.twilioApiUrl.replace(/\/+$/, '')) : item.url;
      // fetch drops the Authorization header when a redirect leaves the origin (Twilio hands media over to storage).
      const res = await fetch(url, { headers: { authorization: auth }, redirect: 'follow' });
      if (!res.ok) throw new Error(`media ${i} of ${job.messageId}: HTTP ${res.status}`); // the job retries
      const content = await this.readLimited(res, this.config.attachmentMaxBytes + 1);
      const declaredType = res.headers.get('content-type') ?? item.contentType ?? 'application/octet-stream';
      const extension = declaredType.split('/')[1]?.split(';')[0] ?? 'bin';
      await this.attachments.storeNow(job.messageId, [{ filename: `media-${i + 1}.${extension}`, declaredType, content, inline: false, source: item.url }]);
    }
    await this.incidents.announceMessageChanged(job.messageId);
  }

  /** At most `limit` bytes of the body (a larger file is kept as "too large", not read whole). */
  private async readLimited(res: Response, limit: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(Buffer.from(chunk));
      size += chunk.byteLength;
      if (size >= limit) break;
    }
    return Buffer.concat(chunks).subarray(0, limit);
  }
}
