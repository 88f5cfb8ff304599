import { Controller, ForbiddenException, HttpCode, Inject, Logger, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { IgnoredPayloadError } from '../../../channels/core/index.js';
import { belongsToChannel, movesForward, readTwilioStatus, type TwilioParams } from '../../../channels/twilio-sms/index.js';
import { Public } from '../auth/auth.decorators.js';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import { adapterConfig, type StoredTwilioConfig } from '../channels/twilio-settings.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { sqlOf } from '../database/sql.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { IngestService } from './ingest.service.js';
import { readSignedTwilioRequest } from './twilio-request.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's webhooks for SMS and WhatsApp channels: verified by X-Twilio-Signature over the public URL
 * (PUBLIC_URL + path: behind a TLS-terminating proxy the URL Twilio signed is not the one this process
 * sees), stored exactly once by MessageSid, answered with empty TwiML at once (processing follows: Twilio's
 * budget is 15 s, after which it retries).
 */
@ApiTags('intake')
@Public()
@Controller('api/channels/twilio')
export class TwilioWebhookController {
  private readonly log = new Logger('Twilio');

  constructor(
    private readonly channels: ChannelsService,
    private readonly ingest: IngestService,
    private readonly secrets: Secrets,
    private readonly incidents: IncidentsService,
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':channelId/inbound')
  @HttpCode(200)
  @ApiOperation({ summary: 'Twilio Messaging webhook (inbound SMS / WhatsApp), signed by Twilio' })
  async inbound(@Param('channelId', new ParseUUIDPipe()) channelId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const channel = await this.channel(channelId);
    const params = this.verified(channel, req);
    try {
      await this.ingest.accept(channel, params); // stored; processed right after the answer
    } catch (err) {
      if (!(err instanceof IgnoredPayloadError)) throw err; // InvalidPayloadError -> 400 naming the fields (kept)
    }
    res.type('text/xml').send(EMPTY_TWIML);
  }

  /** Delivery of what we sent: queued, sent, delivered, read, failed, undelivered — live, never backwards. */
  @Post(':channelId/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Twilio status callback of an outbound SMS / WhatsApp message, signed by Twilio' })
  async status(@Param('channelId', new ParseUUIDPipe()) channelId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const channel = await this.channel(channelId);
    const update = readTwilioStatus(this.verified(channel, req));
    if (update) {
      const sql = sqlOf(this.em);
      const find = () => sql<{ id: string; delivery_status: string | null }>(`select id, delivery_status from messages where external_id = ? and channel_id = ?`, [update.providerId, channel.id]);
      let [message] = await find();
      // Twilio can call back before the sender has recorded the MessageSid it was just given: wait a moment
      // (up to 6 s: a busy workers process may take that long between Twilio's answer and its commit).
      for (let i = 0; !message && i < 30; i++) {
        await sleep(200);
        [message] = await find();
      }
      // Compare-and-set; when the sender moved the status meanwhile (queued -> sent), read it again and retry,
      // so a callback that raced the sender's own update is not lost.
      for (let attempt = 0; message && attempt < 5 && movesForward(message.delivery_status, update.status); attempt++) {
        const changed = await sql(`update messages set delivery_status = ?, delivery_error = ? where id = ? and delivery_status is not distinct from ? returning id`, [
          update.status,
          update.error,
          message.id,
          message.delivery_status,
        ]);
        if (changed.length) {
          await this.incidents.announceMessageChanged(message.id);
          break;
        }
        [message] = await find();
      }
    }
    res.status(200).end();
  }

  private async channel(id: string): Promise<Channel> {
    const channel = await this.channels.byId(id).catch(() => null);
    if (!channel || !channel.active || (channel.kind !== 'sms' && channel.kind !== 'whatsapp')) throw new NotFoundException('There is no such SMS or WhatsApp channel.');
    return channel;
  }

  /** The parameters, once the signature and the account check out; 403 (and a log line) otherwise. */
  private verified(channel: Channel, req: Request): TwilioParams {
    const stored = channel.config as unknown as StoredTwilioConfig;
    const token = this.secrets.decrypt(stored.authToken);
    const signed = readSignedTwilioRequest(req, this.config.publicUrl, token, (params) => belongsToChannel(params, adapterConfig(stored, token)));
    if (!signed.ok) {
      this.log.warn(`webhook for channel ${channel.id} refused: ${signed.reason} (checked against ${signed.url})`);
      throw new ForbiddenException('The request is not signed by Twilio for this channel.');
    }
    return signed.params;
  }
}
