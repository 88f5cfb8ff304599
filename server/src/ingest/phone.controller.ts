import { Controller, ForbiddenException, HttpCode, Inject, Logger, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IgnoredPayloadError } from '../../../channels/core/index.js';
import { verifyCtiToken } from '../../../channels/phone/index.js';
import { Public } from '../auth/auth.decorators.js';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { StoredPhoneConfig } from '../channels/phone-settings.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { IngestService } from './ingest.service.js';
import { readSignedTwilioRequest } from './twilio-request.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** A payload deliberately dropped (a recording not completed yet) is answered like any other; InvalidPayloadError -> 400 (kept). */
async function unlessIgnored<T>(work: () => Promise<T>, ignored: T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof IgnoredPayloadError) return ignored;
    throw err;
  }
}

/** The CTI token: `Authorization: Bearer …`, `X-Switchboard-Token`, or `?token=` (PBXs that only take a URL). */
function ctiToken(req: Request, query: unknown): string | undefined {
  const auth = req.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  const header = req.get('x-switchboard-token');
  if (header) return header.trim();
  return typeof query === 'string' ? query : undefined;
}

/**
 * Call events of phone channels: the PBX's CTI webhook (newCall / answer / hangup, by the channel's token) and
 * Twilio Voice status and recording callbacks (signed by Twilio). Each event is stored exactly once (by
 * call and event) before the answer; a redelivery answers the same. CTI events are processed before the
 * answer (it names the incident); Twilio's right after it (Twilio's budget is short).
 */
@ApiTags('intake')
@Public()
@Controller('api/channels/phone')
export class PhoneWebhookController {
  private readonly log = new Logger('Phone');

  constructor(
    private readonly channels: ChannelsService,
    private readonly ingest: IngestService,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':channelId/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'CTI call event (newCall, answer, hangup), JSON or form; the channel token as Bearer, X-Switchboard-Token or ?token=' })
  async events(@Param('channelId', new ParseUUIDPipe()) channelId: string, @Query('token') token: unknown, @Req() req: Request): Promise<{ ok: true; incident: string | null }> {
    const channel = await this.channel(channelId);
    const check = verifyCtiToken(ctiToken(req, token), this.secrets.decrypt((channel.config as unknown as StoredPhoneConfig).token));
    if (!check.ok) {
      this.log.warn(`CTI event for channel ${channel.id} refused: ${check.reason}`);
      throw new ForbiddenException('The CTI token is missing or wrong for this channel.');
    }
    const [result] = await unlessIgnored(() => this.ingest.receive(channel, { params: req.body && typeof req.body === 'object' ? req.body : {}, receivedAt: new Date().toISOString(), source: 'cti' }), []);
    return { ok: true, incident: result?.reference ?? null };
  }

  @Post(':channelId/twilio')
  @HttpCode(200)
  @ApiOperation({ summary: 'Twilio Voice status / recording callback of a phone channel, signed by Twilio' })
  async twilio(@Param('channelId', new ParseUUIDPipe()) channelId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const channel = await this.channel(channelId);
    const twilio = (channel.config as unknown as StoredPhoneConfig).twilio;
    const signed = twilio
      ? readSignedTwilioRequest(req, this.config.publicUrl, this.secrets.decrypt(twilio.authToken), (p) =>
          p.AccountSid === twilio.accountSid ? { ok: true } : { ok: false, reason: `AccountSid ${p.AccountSid ?? '(none)'} is not this channel's account` },
        )
      : ({ ok: false, reason: 'this phone channel has no Twilio account', url: req.originalUrl } as const);
    if (!signed.ok) {
      this.log.warn(`Twilio Voice callback for channel ${channel.id} refused: ${signed.reason} (checked against ${signed.url})`);
      throw new ForbiddenException('The request is not signed by Twilio for this channel.');
    }
    const params = signed.params;
    await unlessIgnored(() => this.ingest.accept(channel, { params, receivedAt: new Date().toISOString(), source: 'twilio' }), null); // processed right after the answer
    res.type('text/xml').send(EMPTY_TWIML);
  }

  private async channel(id: string): Promise<Channel> {
    const channel = await this.channels.byId(id).catch(() => null);
    if (!channel || !channel.active || channel.kind !== 'phone') throw new NotFoundException('There is no such phone channel.');
    return channel;
  }
}
