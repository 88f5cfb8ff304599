import { BadRequestException, Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { MessageDto, ResendResult } from '../contracts/api.js';
import { EmailReplies } from './email-replies.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { IncidentsRepository } from '../incidents/incidents.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { MessagingReplies } from '../twilio/messaging-replies.service.js';

const TextReply = z.object({ body: z.string().trim().min(1, 'required').max(50_000, 'at most 50000 characters') }).strict();
const TemplateReply = z
  .object({ template: z.object({ contentSid: z.string().trim().min(1, 'required'), variables: z.record(z.string(), z.string().max(2000)).default({}) }).strict() })
  .strict();
/** Free text, or a WhatsApp template (by its shape, so each says what to fix in its own terms). */
const replyOf = (body: unknown) => (body && typeof body === 'object' && 'template' in body ? parse(TemplateReply, body) : parse(TextReply, body));

@ApiTags('incidents')
@ApiCookieAuth()
@Controller('api')
export class RepliesController {
  constructor(
    private readonly replies: EmailReplies,
    private readonly outbox: OutboxService,
    private readonly incidents: IncidentsService,
    private readonly repo: IncidentsRepository,
    private readonly messaging: MessagingReplies,
  ) {}

  /** An agent's answer to the customer: by e-mail from the incident's mailbox, or by SMS/WhatsApp on its channel. */
  @Post('incidents/:id/replies')
  @Roles('admin', 'agent')
  async reply(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<MessageDto> {
    const reply = replyOf(body);
    const route = await this.repo.replyRoute(id);
    if (route?.channelKind === 'sms' || route?.channelKind === 'whatsapp') return this.messaging.reply(id, reply, viewer, route);
    if ('template' in reply) throw new BadRequestException({ message: 'Templates are for WhatsApp: answer this incident with text.', fields: { template: 'not for this channel' } });
    return this.replies.reply(id, reply.body, viewer, route);
  }

  /** Sends a failed outbound message again (after an unknown outcome the agent checked, say). */
  @Post('messages/:id/resend')
  @Roles('admin', 'agent')
  @HttpCode(202)
  async resend(@Param('id', new ParseUUIDPipe()) id: string, @CurrentViewer() viewer: Viewer): Promise<ResendResult> {
    await this.incidents.messageVisible(id, viewer);
    return { queued: await this.outbox.resend(id) };
  }
}
