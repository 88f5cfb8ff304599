import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Channel } from '../channels/channel.entity.js';
import type { StoredTwilioConfig } from '../channels/twilio-settings.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OutboxService, type OutboxSender } from '../outbox/outbox.service.js';
import { twilioClient } from './twilio-client.js';

/** The outbox's `mail` column for an SMS or WhatsApp message. */
export interface OutboundText {
  to: string;
  /** The text (a template's: as the customer receives it, for the record; Twilio renders it from contentSid). */
  body: string;
  statusCallback: string | null;
  /** WhatsApp: an approved template and its placeholder values, sent instead of free text. */
  template?: { contentSid: string; variables: Record<string, string> };
}

/**
 * Sends SMS and WhatsApp messages of the outbox through Twilio's Messages API, from the channel's
 * Messaging Service or number, asking for status callbacks.
 */
@Injectable()
export class TwilioSender implements OutboxSender, OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register('sms', this);
    this.outbox.register('whatsapp', this);
  }

  async send(channel: Channel, stored: unknown): Promise<{ providerId: string }> {
    const text = stored as OutboundText;
    const c = channel.config as unknown as StoredTwilioConfig;
    const client = twilioClient(c.accountSid, this.secrets.decrypt(c.authToken), this.config.twilioApiUrl);
    const address = (n: string) => (channel.kind === 'whatsapp' ? `whatsapp:${n}` : n);
    const sent = await client.messages.create({
      to: address(text.to),
      ...(text.template ? { contentSid: text.template.contentSid, contentVariables: JSON.stringify(text.template.variables) } : { body: text.body }),
      ...(c.messagingServiceSid ? { messagingServiceSid: c.messagingServiceSid } : { from: address(c.phoneNumber!) }),
      ...(text.statusCallback ? { statusCallback: text.statusCallback } : {}),
    });
    return { providerId: sent.sid };
  }

  /**
   * Twilio answered with an error: 429 and 5xx are worth another try, other answers (invalid number,
   * unsubscribed, outside the WhatsApp window) are final. No answer: if the connection was never made,
   * retry; if it broke after the request went out, the message may exist: unknown, never resent.
   */
  failureKind(err: unknown): 'retry' | 'permanent' | 'unknown' {
    const e = err as { status?: number; code?: string | number };
    if (typeof e.status === 'number') return e.status === 429 || e.status >= 500 ? 'retry' : 'permanent';
    return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(String(e.code)) ? 'retry' : 'unknown';
  }

  describe(err: unknown): string {
    const e = err as { status?: number; code?: string | number; message?: string };
    return e.status ? `Twilio answered ${e.status}${e.code ? ` (error ${e.code})` : ''}: ${e.message ?? ''}`.trim() : (e.message ?? String(err));
  }
}
