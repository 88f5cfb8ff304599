import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { MessageDto, ReplyRequest } from '../contracts/api.js';
import { renderTemplate, templateErrors } from '../domain/whatsapp-template.js';
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

  /**
   * Free text, or (WhatsApp) an approved template with its values. `route`: IncidentsRepository.replyRoute of
   * the incident, looked up by the caller.
   */
  async reply(incidentId: string, reply: ReplyRequest, viewer: Viewer, route: ResolvedReplyRoute | null): Promise<MessageDto> {
    await this.incidents.visible(incidentId, viewer);
    if (!route || (route.channelKind !== 'sms' && route.channelKind !== 'whatsapp')) throw new ConflictException('This incident is not answered by SMS or WhatsApp.');
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    const statusCallback = base ? `${base}/api/channels/twilio/${route.channelId}/status` : null;
    let text: OutboundText;
    let meta: Record<string, unknown> = { to: route.to, from: route.from };
    if ('template' in reply) {
      if (route.channelKind !== 'whatsapp') throw new BadRequestException({ message: 'Templates are for WhatsApp.', fields: { template: 'not for SMS' } });
      const template = route.templates?.find((t) => t.contentSid === reply.template.contentSid);
      if (!template) throw new BadRequestException({ message: 'That template is not one of this channel’s approved templates.', fields: { 'template.contentSid': 'unknown template' } });
      const errors = templateErrors(template, reply.template.variables);
      if (Object.keys(errors).length) {
        throw new BadRequestException({ message: `The template's values are not complete: ${Object.entries(errors).map(([k, v]) => `{{${k}}} ${v}`).join('; ')}`, fields: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`template.variables.${k}`, v])) });
      }
      const variables = Object.fromEntries(template.variables.map((k) => [k, reply.template.variables[k]!.trim()]));
      text = { to: route.to, body: renderTemplate(template.body, variables), statusCallback, template: { contentSid: template.contentSid, variables } };
      meta = { ...meta, template: { name: template.name, contentSid: template.contentSid, variables } };
    } else {
      if (route.channelKind === 'whatsapp' && !route.windowOpenUntil) {
        throw new ConflictException("WhatsApp's 24-hour window is closed (the customer last wrote more than 24 hours ago): only an approved template can be sent now.");
      }
      text = { to: route.to, body: reply.body, statusCallback };
    }
    const body = text.body;
    return this.outbound.queue({
      incidentId,
      channelId: route.channelId,
      channelKind: route.channelKind,
      body,
      mail: text,
      recipient: route.to,
      externalId: null,
      meta,
      kind: 'reply',
      automatic: false,
      author: { id: viewer.user.id, name: viewer.user.name },
      flags: [],
    });
  }
}
