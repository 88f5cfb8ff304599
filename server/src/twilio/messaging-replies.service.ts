import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { MessageDto } from '../contracts/api.js';
import type { ResolvedReplyRoute } from '../incidents/incidents.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { OutboundMessages } from '../outbox/outbound-messages.service.js';
import type { OutboundText } from './twilio-sender.js';

/** An agent answers by SMS or WhatsApp on an incident that came in that way. */
@Injectable()
export class MessagingReplies {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly outbound: OutboundMessages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `route`: IncidentsRepository.replyRoute of the incident, looked up by the caller. */
  async reply(incidentId: string, body: string, viewer: Viewer, route: ResolvedReplyRoute | null): Promise<MessageDto> {
    await this.incidents.visible(incidentId, viewer);
    if (!route || (route.channelKind !== 'sms' && route.channelKind !== 'whatsapp')) throw new ConflictException('This incident is not answered by SMS or WhatsApp.');
    if (route.channelKind === 'whatsapp' && !route.windowOpenUntil) {
      throw new ConflictException("WhatsApp's 24-hour window is closed (the customer last wrote more than 24 hours ago): only an approved template can be sent now.");
    }
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    const text: OutboundText = { to: route.to, body, statusCallback: base ? `${base}/api/channels/twilio/${route.channelId}/status` : null };
    return this.outbound.queue({
      incidentId,
      channelId: route.channelId,
      channelKind: route.channelKind,
      body,
      mail: text,
      recipient: route.to,
      externalId: null,
      meta: { to: route.to, from: route.from },
      kind: 'reply',
      automatic: false,
      author: { id: viewer.user.id, name: viewer.user.name },
      flags: [],
    });
  }
}
