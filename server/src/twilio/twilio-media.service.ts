import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { InboundMessage } from '../../../channels/core/index.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { StoredTwilioConfig } from '../channels/twilio-settings.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { IncidentsService, type InboundOutcome } from '../incidents/incidents.service.js';
import { IngestService } from '../ingest/ingest.service.js';
import { sqlOf } from '../database/sql.js';
import { JobQueue } from '../jobs/job-queue.js';

/** How often lost media downloads are looked for, and for how long after the message they are tried. */
const MEDIA_SWEEP_MS = 5 * 60_000;
const MEDIA_RETRY_HOURS = 6;

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
    private readonly em: EntityManager,
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
    void this.queue.repeat('twilio.media.sweep', MEDIA_SWEEP_MS, () => this.sweep()).catch((err: Error) => this.log.warn(`media sweep not scheduled: ${err.message}`));
  }

  /**
   * Media whose job was lost (a process died between storing the message and queueing its download, or the
   * job gave up): queued again, for messages of the last MEDIA_RETRY_HOURS that lack some of their files.
   * Each sweep round has its own job ids (a finished job's id stays taken in BullMQ). Returns how many.
   */
  async sweep(olderThanMs = 120_000): Promise<number> {
    const rows = await sqlOf(this.em)<{ id: string; channel_id: string; media: MediaJob['media'] }>(
      `select m.id, m.channel_id, m.meta->'media' as media from messages m
       where m.kind = 'inbound' and m.channel_kind in ('sms', 'whatsapp') and jsonb_typeof(m.meta->'media') = 'array' and jsonb_array_length(m.meta->'media') > 0
         and m.created_at < now() - (? * interval '1 millisecond') and m.created_at > now() - (? * interval '1 hour')
         and (select count(*) from attachments a where a.message_id = m.id and a.source is not null) < jsonb_array_length(m.meta->'media')
       order by m.created_at limit 500`,
      [olderThanMs, MEDIA_RETRY_HOURS],
    );
    const round = Math.floor(Date.now() / MEDIA_SWEEP_MS);
    for (const r of rows) await this.queue.add('twilio.media', { messageId: r.id, channelId: r.channel_id, media: r.media } satisfies MediaJob, { jobId: `media-${r.id}-${round}` });
    if (rows.length) this.log.log(`media sweep queued the files of ${rows.length} message(s) again`);
    return rows.length;
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
